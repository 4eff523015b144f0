import { describe, expect, it } from 'vitest';
import { buildCorsXml, parseCorsXml, type CorsConfiguration } from './cors';
import getResponse from './__fixtures__/cors-get-response.xml?raw';
import sdkRequest from './__fixtures__/cors-sdk-request.xml?raw';

describe('CORSConfiguration codec', () => {
  it('parses the doc-shaped response, keeping order and values', () => {
    const parsed = parseCorsXml(getResponse);
    expect(parsed).toEqual({
      ok: true,
      value: {
        rules: [
          {
            id: '1234',
            allowedOrigins: ['http://www.qq.com', 'http://*.example.com'],
            allowedMethods: ['PUT', 'GET'],
            allowedHeaders: ['x-cos-meta-test', 'x-cos-meta-*'],
            exposeHeaders: ['x-cos-meta-test1'],
            maxAgeSeconds: '500',
          },
          { allowedOrigins: ['*'], allowedMethods: ['HEAD'], allowedHeaders: [], exposeHeaders: [] },
        ],
        responseVary: 'false',
      },
    });
  });

  it('accepts the SDK body (no declaration, MaxAgeSeconds first) and round-trips', () => {
    const parsed = parseCorsXml(sdkRequest);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.value.rules[0]?.allowedMethods).toEqual(['GET', 'POST', 'PUT', 'DELETE', 'HEAD']);
    expect(parsed.value.responseVary).toBeUndefined();
    expect(parseCorsXml(buildCorsXml(parsed.value))).toEqual(parsed);
  });

  it('builds elements in doc order and omits what was not given', () => {
    const cfg: CorsConfiguration = { rules: [{ allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [], maxAgeSeconds: '5', id: 'a&b' }] };
    expect(buildCorsXml(cfg)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<CORSConfiguration><CORSRule><ID>a&amp;b</ID><AllowedOrigin>*</AllowedOrigin>' +
        '<AllowedMethod>GET</AllowedMethod><MaxAgeSeconds>5</MaxAgeSeconds></CORSRule></CORSConfiguration>',
    );
  });

  it.each([
    ['not XML', 'nope', expect.stringContaining('is not expected')],
    ['wrong root', '<Other><CORSRule/></Other>', 'the root element must be CORSConfiguration'],
    ['no rule', '<CORSConfiguration></CORSConfiguration>', 'at least one CORSRule is required'],
    ['rule without origin', '<CORSConfiguration><CORSRule><AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>', 'CORSRule needs an AllowedOrigin'],
    ['rule without method', '<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin></CORSRule></CORSConfiguration>', 'CORSRule needs an AllowedMethod'],
    ['nested element as a value', '<CORSConfiguration><CORSRule><AllowedOrigin><x/></AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>', 'malformed CORSRule'],
    ['unclosed tag', '<CORSConfiguration><CORSRule>', expect.stringMatching(/CORSConfiguration.*CORSRule/)],
  ])('rejects %s', (_name, xml, reason) => {
    expect(parseCorsXml(xml)).toEqual({ ok: false, reason });
  });
});
