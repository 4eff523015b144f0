import { describe, expect, it } from 'vitest';
import { buildTaggingXml, parseTaggingXml } from './tagging';

describe('tagging codec', () => {
  it('parses the doc sample (436/34838) and keeps the order', () => {
    const xml = '<Tagging><TagSet><Tag><Key>age</Key><Value>18</Value></Tag><Tag><Key>name</Key><Value>xiaoming</Value></Tag></TagSet></Tagging>';
    expect(parseTaggingXml(xml)).toEqual({ ok: true, value: [{ key: 'age', value: '18' }, { key: 'name', value: 'xiaoming' }] });
  });

  it.each([
    [[]],
    [[{ key: 'a', value: '' }]],
    [[{ key: '中 文', value: 'x<&>y' }, { key: 'b', value: '2' }]],
  ])('round-trips %j', (tags) => {
    expect(parseTaggingXml(buildTaggingXml(tags))).toEqual({ ok: true, value: tags });
  });

  it.each([
    ['<Tagging><TagSet><Tag><Value>1</Value></Tag></TagSet></Tagging>', 'every Tag needs a Key'],
    ['<Tagging><TagSet><Tag><Key><a/></Key></Tag></TagSet></Tagging>', 'every Tag needs a Key'],
    ['<Tagging><TagSet><Tag><Key>k</Key><Value><a/></Value></Tag></TagSet></Tagging>', 'a tag Value must be text'],
    ['<Tagging><TagSet>x</TagSet></Tagging>', 'TagSet must be an element'],
    ['<Tags/>', 'the root element must be Tagging'],
    ['not xml', expect.stringContaining('is not expected')],
  ])('refuses %s', (xml, reason) => {
    expect(parseTaggingXml(xml)).toEqual({ ok: false, reason });
  });
});
