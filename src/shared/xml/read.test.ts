// The readers every codec shares: what each reads and how it refuses.
import { describe, expect, it } from 'vitest';
import { parseXml, type XmlObject } from './codec';
import { element, isRefusal, optionalText, readEach, readRoot, refuse, strings, textOf } from './read';

const tree = (xml: string, arrays: string[] = []): XmlObject => {
  const parsed = parseXml(xml, arrays);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
};

describe('readRoot', () => {
  it.each([
    ['a root with children', '<R><A>1</A></R>', 'read', { A: '1' }],
    ['an empty root', '<R/>', 'read', {}],
    ['an empty root where one is refused', '<R/>', 'refused', { ok: false, reason: 'the root element must be R' }],
    ['another root', '<S/>', 'read', { ok: false, reason: 'the root element must be R' }],
    ['a text root', '<R>x</R>', 'read', { ok: false, reason: 'the root element must be R' }],
    ['no XML', '', 'read', { ok: false, reason: 'empty body' }],
  ] as const)('reads %s', (_name, xml, empty, expected) => {
    expect(readRoot(xml, 'R', [], empty)).toEqual(expected);
  });
});

describe('text readers', () => {
  const o = tree('<R><T>t</T><E></E><N><x/></N><L>a</L><L>b</L></R>').R as XmlObject;

  it('tells absent, text and not-text apart', () => {
    expect([optionalText(o['T']), optionalText(o['E']), optionalText(o['Z']), optionalText(o['N']), optionalText(o['L'])]).toEqual(['t', '', undefined, null, null]);
    expect([textOf(o, 'T'), textOf(o, 'Z'), textOf(o, 'N')]).toEqual(['t', undefined, { ok: false, reason: 'N must be text' }]);
  });

  it('reads repeated text in order, and nothing when one is not text', () => {
    expect(strings(o['L'])).toEqual(['a', 'b']);
    expect(strings(o['T'])).toEqual(['t']);
    expect(strings(undefined)).toEqual([]);
    expect(strings([o['T'] ?? '', o['N'] ?? ''])).toBeUndefined();
  });
});

describe('element', () => {
  it.each([
    ['known children', '<E><A>1</A></E>', { A: '1' }],
    ['no children', '<E/>', {}],
    ['an unknown child', '<E><B/></E>', { ok: false, reason: 'unknown element E.B' }],
    ['an unsupported child', '<E><U/></E>', { ok: false, reason: 'E.U (why) is not implemented by cos-local', unsupported: true }],
    ['text', '<E>x</E>', { ok: false, reason: 'E must be an element' }],
  ])('reads %s', (_name, xml, expected) => {
    expect(element(tree(xml)['E'], 'E', ['A'], ['U'], 'why')).toEqual(expected);
  });

  it('names no reason when given none', () => {
    expect(element(tree('<E><U/></E>')['E'], 'E', [], ['U'])).toEqual({ ok: false, reason: 'E.U is not implemented by cos-local', unsupported: true });
  });
});

describe('readEach', () => {
  const positive = (n: unknown) => (typeof n === 'string' && Number(n) > 0 ? Number(n) : refuse(`${String(n)} is not positive`));
  const r = tree('<R><N>1</N><N>2</N></R>', ['R.N']).R as XmlObject;

  it('reads every repetition in order', () => {
    expect(readEach(r['N'], positive)).toEqual([1, 2]);
  });

  it('answers the first refusal', () => {
    expect(readEach(['1', '0', '-1'], positive)).toEqual({ ok: false, reason: '0 is not positive' });
  });

  it('refuses none when one is required', () => {
    expect(readEach(undefined, positive)).toEqual([]);
    expect(readEach(undefined, positive, 'N')).toEqual({ ok: false, reason: 'at least one N is required' });
  });
});

describe('isRefusal', () => {
  it.each([
    [refuse('x'), true],
    [refuse('x', true), true],
    [{ ok: 'false' }, false],
    [{}, false],
    [[], false],
    ['', false],
    [undefined, false],
  ])('%j → %s', (v, expected) => {
    expect(isRefusal(v)).toBe(expected);
  });
});
