import { describe, expect, it } from 'vitest';
import { buildRefererXml, parseRefererXml, type RefererConfiguration } from './referer';
import docRequest from './__fixtures__/referer-put-request.xml?raw';

describe('RefererConfiguration codec', () => {
  it('parses the doc sample (436/31423) keeping the domain order', () => {
    expect(parseRefererXml(docRequest)).toEqual({
      ok: true,
      value: { status: 'Enabled', refererType: 'White-List', domains: ['*.qq.com', '*.qcloud.com'], emptyReferConfiguration: 'Allow' },
    });
  });

  it('builds elements in doc order and round-trips', () => {
    const parsed = parseRefererXml(docRequest);
    if (!parsed.ok) throw new Error(parsed.reason);
    const xml = buildRefererXml(parsed.value);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<RefererConfiguration><Status>Enabled</Status><RefererType>White-List</RefererType>' +
        '<DomainList><Domain>*.qq.com</Domain><Domain>*.qcloud.com</Domain></DomainList>' +
        '<EmptyReferConfiguration>Allow</EmptyReferConfiguration></RefererConfiguration>',
    );
    expect(parseRefererXml(xml)).toEqual(parsed);
  });

  it('adds nothing that was not sent (no default EmptyReferConfiguration, no DomainList)', () => {
    const cfg: RefererConfiguration = { status: 'Disabled', refererType: 'Black-List' };
    const xml = buildRefererXml(cfg);
    expect(xml).not.toContain('EmptyReferConfiguration');
    expect(xml).not.toContain('DomainList');
    expect(parseRefererXml(xml)).toEqual({ ok: true, value: cfg });
  });

  it('keeps a single domain a list and escapes values', () => {
    const xml = '<RefererConfiguration><Status>Enabled</Status><RefererType>Black-List</RefererType><DomainList><Domain>a.com/x?y&amp;z</Domain></DomainList></RefererConfiguration>';
    const parsed = parseRefererXml(xml);
    expect(parsed).toEqual({ ok: true, value: { status: 'Enabled', refererType: 'Black-List', domains: ['a.com/x?y&z'] } });
    if (parsed.ok) expect(buildRefererXml(parsed.value)).toContain('<Domain>a.com/x?y&amp;z</Domain>');
  });

  it.each([
    ['not XML', 'nope', expect.stringContaining('is not expected')],
    ['wrong root', '<Other/>', 'the root element must be RefererConfiguration'],
    ['no Status', '<RefererConfiguration><RefererType>White-List</RefererType><DomainList><Domain>a</Domain></DomainList></RefererConfiguration>', 'Status must be Enabled or Disabled'],
    ['bad Status', '<RefererConfiguration><Status>On</Status><RefererType>White-List</RefererType><DomainList><Domain>a</Domain></DomainList></RefererConfiguration>',
      'Status must be Enabled or Disabled'],
    ['bad RefererType', '<RefererConfiguration><Status>Enabled</Status><RefererType>Allow-List</RefererType><DomainList><Domain>a</Domain></DomainList></RefererConfiguration>',
      'RefererType must be Black-List or White-List'],
    ['bad EmptyReferConfiguration', '<RefererConfiguration><Status>Enabled</Status><RefererType>White-List</RefererType><DomainList><Domain>a</Domain></DomainList><EmptyReferConfiguration>Yes</EmptyReferConfiguration></RefererConfiguration>',
      'EmptyReferConfiguration must be Allow or Deny'],
    ['enabled without domains', '<RefererConfiguration><Status>Enabled</Status><RefererType>White-List</RefererType></RefererConfiguration>',
      'DomainList needs a Domain when Status is Enabled'],
    ['empty domain', '<RefererConfiguration><Status>Enabled</Status><RefererType>White-List</RefererType><DomainList><Domain></Domain></DomainList></RefererConfiguration>',
      'a Domain is empty'],
    ['nested domain', '<RefererConfiguration><Status>Enabled</Status><RefererType>White-List</RefererType><DomainList><Domain><x/></Domain></DomainList></RefererConfiguration>',
      'malformed RefererConfiguration'],
  ])('rejects %s', (_name, xml, reason) => {
    expect(parseRefererXml(xml)).toEqual({ ok: false, reason });
  });
});
