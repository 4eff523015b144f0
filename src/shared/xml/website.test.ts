import { describe, expect, it } from 'vitest';
import { buildWebsiteXml, parseWebsiteXml } from './website';
import docRequest from './__fixtures__/website-put-request.xml?raw';
import sdkRequest from './__fixtures__/website-sdk-request.xml?raw';
import fullRequest from './__fixtures__/website-full-request.xml?raw';

describe('WebsiteConfiguration codec', () => {
  it('parses the doc sample (436/30617) with its four routing rules in order', () => {
    const parsed = parseWebsiteXml(docRequest);
    expect(parsed).toEqual({
      ok: true,
      value: {
        indexDocument: { suffix: 'index.html' },
        redirectAllRequestsTo: { protocol: 'https' },
        errorDocument: { key: 'pages/error.html' },
        routingRules: [
          { condition: { httpErrorCodeReturnedEquals: '403' }, redirect: { protocol: 'https', replaceKeyWith: 'pages/403.html' } },
          { condition: { httpErrorCodeReturnedEquals: '404' }, redirect: { replaceKeyWith: 'pages/404.html' } },
          { condition: { keyPrefixEquals: 'assets/' }, redirect: { replaceKeyWith: 'index.html' } },
          { condition: { keyPrefixEquals: 'article/' }, redirect: { protocol: 'https', replaceKeyPrefixWith: 'archived/' } },
        ],
      },
    });
  });

  it.each([['doc sample', docRequest], ['cos-nodejs-sdk-v5 body', sdkRequest], ['AutoAddressing/Charity404/OriginalHttpStatus', fullRequest]])(
    'round-trips the %s exactly',
    (_name, xml) => {
      const parsed = parseWebsiteXml(xml);
      if (!parsed.ok) throw new Error(parsed.reason);
      expect(parseWebsiteXml(buildWebsiteXml(parsed.value))).toEqual(parsed);
    },
  );

  it('keeps URLRedirect and rebuilds the SDK body byte for byte (minus the declaration)', () => {
    const parsed = parseWebsiteXml(sdkRequest);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.value.routingRules?.[1]?.redirect).toEqual({ protocol: 'https', replaceKeyPrefixWith: 'documents/', urlRedirect: 'Enabled' });
    expect(buildWebsiteXml(parsed.value)).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n${sdkRequest.trim()}`);
  });

  it('builds AutoAddressing and ErrorDocument children in doc order', () => {
    const parsed = parseWebsiteXml(fullRequest);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(buildWebsiteXml(parsed.value)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<WebsiteConfiguration><IndexDocument><Suffix>index.html</Suffix></IndexDocument>' +
        '<AutoAddressing><Status>Enabled</Status></AutoAddressing><ErrorDocument><Key>index.html</Key><Charity404>Disabled</Charity404>' +
        '<OriginalHttpStatus>Disabled</OriginalHttpStatus></ErrorDocument></WebsiteConfiguration>',
    );
  });

  it.each([
    ['not XML', '<', expect.stringContaining("after '<'")],
    ['wrong root', '<Website><IndexDocument><Suffix>i</Suffix></IndexDocument></Website>', 'the root element must be WebsiteConfiguration'],
    ['no IndexDocument', '<WebsiteConfiguration><ErrorDocument><Key>e</Key></ErrorDocument></WebsiteConfiguration>', 'IndexDocument is required'],
    ['no Suffix', '<WebsiteConfiguration><IndexDocument/></WebsiteConfiguration>', 'IndexDocument.Suffix is required'],
    ['ErrorDocument without Key', '<WebsiteConfiguration><IndexDocument><Suffix>i</Suffix></IndexDocument><ErrorDocument/></WebsiteConfiguration>', 'ErrorDocument.Key is required'],
    ['nested Suffix', '<WebsiteConfiguration><IndexDocument><Suffix><a/></Suffix></IndexDocument></WebsiteConfiguration>', 'IndexDocument.Suffix must be text'],
  ])('rejects %s', (_name, xml, reason) => {
    expect(parseWebsiteXml(xml)).toEqual({ ok: false, reason });
  });
});
