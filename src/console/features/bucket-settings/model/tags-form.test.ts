import { describe, expect, it } from 'vitest';
import type { XmlTag } from '../../../../shared/xml/tagging';
import { checkTags, sameTags, type TagRowProblems } from './tags-form';

const tag = (key: string, value = ''): XmlTag => ({ key, value });

describe('checkTags', () => {
  it.each<[string, XmlTag[]]>([
    ['none', []],
    ['two tags', [tag('team', 'storage'), tag('env', 'prod')]],
    ['an empty value', [tag('flag')]],
    ['every allowed punctuation', [tag('a+b-c=d.e_f:g/h@i j', '+-=._:/@ ')]],
    ['Chinese letters', [tag('部门', '存储')]],
    ['keys differ by case', [tag('Env', '1'), tag('env', '2')]],
    ['128-character key, 256-character value', [tag('k'.repeat(128), 'v'.repeat(256))]],
    ['128 CJK characters', [tag('键'.repeat(128))]],
    ['50 tags', Array.from({ length: 50 }, (_, i) => tag(`k${i}`))],
  ])('accepts %s', (_, rows) => {
    expect(checkTags(rows)).toEqual({ ok: true, tags: rows });
  });

  it.each<[string, XmlTag[], TagRowProblems[]]>([
    ['an empty key', [tag('', 'v')], [{ key: 'keyEmpty' }]],
    ['a duplicate key (the second row)', [tag('a', '1'), tag('a', '2')], [{}, { key: 'keyDuplicate' }]],
    ['a key too long', [tag('k'.repeat(129))], [{ key: 'keyTooLong' }]],
    ['a value too long', [tag('k', 'v'.repeat(257))], [{ value: 'valueTooLong' }]],
    ['a key with a comma', [tag('a,b')], [{ key: 'keyCharacters' }]],
    ['a value with an ampersand', [tag('a', 'x&y')], [{ value: 'valueCharacters' }]],
    ['a reserved qcs: key', [tag('qcs:owner')], [{ key: 'keyReserved' }]],
    ['a reserved project key', [tag('project')], [{ key: 'keyReserved' }]],
    ['two problems on one row', [tag('', '<')], [{ key: 'keyEmpty', value: 'valueCharacters' }]],
  ])('refuses %s', (_, rows, problems) => {
    expect(checkTags(rows)).toEqual({ ok: false, rows: problems, tooMany: false });
  });

  it('refuses 51 tags', () => {
    const rows = Array.from({ length: 51 }, (_, i) => tag(`k${i}`));
    expect(checkTags(rows)).toMatchObject({ ok: false, tooMany: true });
  });
});

describe('sameTags', () => {
  it.each<[XmlTag[], XmlTag[], boolean]>([
    [[], [], true],
    [[tag('a', '1')], [tag('a', '1')], true],
    [[tag('a', '1')], [tag('a', '2')], false],
    [[tag('a'), tag('b')], [tag('b'), tag('a')], false],
    [[tag('a')], [], false],
  ])('%j vs %j → %s', (a, b, same) => {
    expect(sameTags(a, b)).toBe(same);
  });
});
