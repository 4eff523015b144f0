import { describe, expect, it } from 'vitest';
import { buildLifecycleXml, parseLifecycleXml, type LifecycleConfiguration } from './lifecycle';
import putRequest from './__fixtures__/lifecycle-put-request.xml?raw';

const wrap = (rule: string): string => `<LifecycleConfiguration><Rule>${rule}</Rule></LifecycleConfiguration>`;

describe('LifecycleConfiguration codec', () => {
  it('parses the doc request (And, Prefix, transitions, noncurrent and abort actions) and round-trips', () => {
    const parsed = parseLifecycleXml(putRequest);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.value.rules[0]).toEqual({
      id: 'id1', status: 'Enabled',
      filter: { kind: 'and', prefix: 'documents/', tags: [{ key: 'key1', value: 'value1' }] },
      transitions: [{ days: '30', storageClass: 'STANDARD_IA' }], noncurrentVersionTransitions: [],
      noncurrentVersionExpiration: { noncurrentDays: '60' },
    });
    expect(parsed.value.rules[1]?.noncurrentVersionTransitions).toEqual([{ noncurrentDays: '30', storageClass: 'ARCHIVE' }]);
    expect(parsed.value.rules[2]).toMatchObject({
      status: 'Disabled', expiration: { expiredObjectDeleteMarker: 'true' }, abortIncompleteMultipartUpload: { daysAfterInitiation: '1' },
    });
    expect(parseLifecycleXml(buildLifecycleXml(parsed.value))).toEqual(parsed);
  });

  it('builds the SDK suite rule exactly (Date transition), elements in doc order', () => {
    const config: LifecycleConfiguration = {
      rules: [{
        id: '1', filter: { kind: 'prefix', prefix: 'test_x' }, status: 'Enabled',
        transitions: [{ date: '2018-07-29T16:00:00.000Z', storageClass: 'STANDARD_IA' }], noncurrentVersionTransitions: [],
      }],
    };
    expect(buildLifecycleXml(config)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<LifecycleConfiguration><Rule><ID>1</ID><Filter><Prefix>test_x</Prefix></Filter>' +
        '<Status>Enabled</Status><Transition><Date>2018-07-29T16:00:00.000Z</Date><StorageClass>STANDARD_IA</StorageClass></Transition>' +
        '</Rule></LifecycleConfiguration>',
    );
  });

  it.each([
    ['an empty filter', '<Filter></Filter>', { kind: 'all' }],
    ['an empty prefix', '<Filter><Prefix></Prefix></Filter>', { kind: 'prefix', prefix: '' }],
    ['a single tag', '<Filter><Tag><Key>k</Key><Value>v</Value></Tag></Filter>', { kind: 'tag', tag: { key: 'k', value: 'v' } }],
    ['two tags', '<Filter><And><Tag><Key>a</Key><Value>1</Value></Tag><Tag><Key>b</Key><Value></Value></Tag></And></Filter>',
      { kind: 'and', tags: [{ key: 'a', value: '1' }, { key: 'b', value: '' }] }],
  ])('keeps %s', (_name, filter, expected) => {
    const parsed = parseLifecycleXml(wrap(`${filter}<Status>Enabled</Status><Expiration><Days>1</Days></Expiration>`));
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.value.rules[0]?.filter).toEqual(expected);
    expect(parseLifecycleXml(buildLifecycleXml(parsed.value))).toEqual(parsed);
  });

  it('keeps several transitions in order', () => {
    const parsed = parseLifecycleXml(wrap('<Filter/><Status>Enabled</Status><Transition><Days>30</Days><StorageClass>STANDARD_IA</StorageClass></Transition>' +
      '<Transition><Days>90</Days><StorageClass>ARCHIVE</StorageClass></Transition>'));
    expect(parsed.ok && parsed.value.rules[0]?.transitions.map((t) => t.storageClass)).toEqual(['STANDARD_IA', 'ARCHIVE']);
  });

  it.each([
    ['size filters', '<Filter><And><Prefix>a</Prefix><ObjectSizeGreaterThan>1</ObjectSizeGreaterThan></And></Filter><Status>Enabled</Status><Expiration><Days>1</Days></Expiration>',
      'And.ObjectSizeGreaterThan is not implemented by cos-local'],
    ['PrefixNotEquals', '<Filter><PrefixNotEquals>a</PrefixNotEquals></Filter><Status>Enabled</Status><Expiration><Days>1</Days></Expiration>',
      'Filter.PrefixNotEquals is not implemented by cos-local'],
    ['access-frequency transitions', '<Filter/><Status>Enabled</Status><Transition><AccessFrequency/><StorageClass>STANDARD_IA</StorageClass></Transition>',
      'Transition.AccessFrequency is not implemented by cos-local'],
    ['the legacy rule-level Prefix', '<Prefix>a</Prefix><Status>Enabled</Status><Expiration><Days>1</Days></Expiration>', 'Rule.Prefix is not implemented by cos-local'],
  ])('reports %s as unsupported', (_name, rule, reason) => {
    expect(parseLifecycleXml(wrap(rule))).toEqual({ ok: false, reason, unsupported: true });
  });

  it.each([
    ['no rule', '<LifecycleConfiguration></LifecycleConfiguration>', 'at least one Rule is required'],
    ['no filter', wrap('<Status>Enabled</Status><Expiration><Days>1</Days></Expiration>'), 'Rule needs a Filter'],
    ['no status', wrap('<Filter/><Expiration><Days>1</Days></Expiration>'), 'Rule needs Status'],
    ['two filter conditions', wrap('<Filter><Prefix>a</Prefix><Tag><Key>k</Key><Value>v</Value></Tag></Filter><Status>Enabled</Status><Expiration><Days>1</Days></Expiration>'),
      'Filter takes exactly one of Prefix, Tag and And'],
    ['a transition without class', wrap('<Filter/><Status>Enabled</Status><Transition><Days>1</Days></Transition>'), 'Transition needs StorageClass'],
    ['two expirations', wrap('<Filter/><Status>Enabled</Status><Expiration><Days>1</Days></Expiration><Expiration><Days>2</Days></Expiration>'), 'a Rule takes one Expiration'],
    ['an unknown element', wrap('<Filter/><Status>Enabled</Status><Delete/>'), 'unknown element Rule.Delete'],
    ['a tag without key', wrap('<Filter><Tag><Value>v</Value></Tag></Filter><Status>Enabled</Status><Expiration><Days>1</Days></Expiration>'), 'Tag needs Key'],
    ['wrong root', '<Lifecycle><Rule/></Lifecycle>', 'LifecycleConfiguration must be an element'],
  ])('rejects %s as malformed', (_name, xml, reason) => {
    // toEqual: no `unsupported` flag, so COS answers MalformedXML, not NotImplemented.
    expect(parseLifecycleXml(xml)).toEqual({ ok: false, reason });
  });
});
