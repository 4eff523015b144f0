import { describe, expect, it } from 'vitest';
import { buildDomainXml, parseDomainXml } from './domain';
import docResponse from './__fixtures__/domain-get-response.xml?raw';

describe('DomainConfiguration codec', () => {
  it('parses the GET Bucket domain doc sample', () => {
    expect(parseDomainXml(docResponse)).toEqual({
      ok: true,
      value: {
        rules: [
          { status: 'ENABLED', name: 'cos.cloud.tencent.com', type: 'REST' },
          { status: 'ENABLED', name: 'www.cos.cloud.tencent.com', type: 'WEBSITE' },
        ],
      },
    });
  });

  it('round-trips names verbatim (case kept) with ForcedReplacement, in doc order', () => {
    const rules = [{ status: 'DISABLED', name: 'www.testDomain1.com', type: 'REST', forcedReplacement: 'CNAME' }];
    const xml = buildDomainXml({ rules });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<DomainConfiguration><DomainRule><Status>DISABLED</Status><Name>www.testDomain1.com</Name>' +
        '<Type>REST</Type><ForcedReplacement>CNAME</ForcedReplacement></DomainRule></DomainConfiguration>',
    );
    expect(parseDomainXml(xml)).toEqual({ ok: true, value: { rules } });
  });

  it.each([
    ['not XML', 'x', expect.stringContaining('is not expected')],
    ['no rule (what the SDK sends for an empty list)', '<DomainConfiguration></DomainConfiguration>', 'at least one DomainRule is required'],
    ['bad Status', '<DomainConfiguration><DomainRule><Status>ON</Status><Name>a.com</Name><Type>REST</Type></DomainRule></DomainConfiguration>', 'Status must be ENABLED or DISABLED'],
    ['lower-case Status', '<DomainConfiguration><DomainRule><Status>enabled</Status><Name>a.com</Name><Type>REST</Type></DomainRule></DomainConfiguration>', 'Status must be ENABLED or DISABLED'],
    ['bad Type', '<DomainConfiguration><DomainRule><Status>ENABLED</Status><Name>a.com</Name><Type>CDN</Type></DomainRule></DomainConfiguration>', 'Type must be REST, WEBSITE or ACCELERATE'],
    ['no Name', '<DomainConfiguration><DomainRule><Status>ENABLED</Status><Type>REST</Type></DomainRule></DomainConfiguration>', 'Name is required'],
    ['bad ForcedReplacement', '<DomainConfiguration><DomainRule><Status>ENABLED</Status><Name>a.com</Name><Type>REST</Type><ForcedReplacement>A</ForcedReplacement></DomainRule></DomainConfiguration>',
      'ForcedReplacement must be CNAME or TXT'],
  ])('rejects %s', (_name, xml, reason) => {
    expect(parseDomainXml(xml)).toEqual({ ok: false, reason });
  });
});
