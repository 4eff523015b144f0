import { describe, expect, it } from 'vitest';
import type { CorsConfiguration, CorsRule } from '../xml/cors';
import { describeMismatch, explainCors, type CorsTestRequest } from './explain';

const rule = (r: Partial<CorsRule>): CorsRule => ({ allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [], ...r });

const config: CorsConfiguration = {
  rules: [
    rule({ id: 'uploads', allowedOrigins: ['https://*.example.com'], allowedMethods: ['PUT', 'POST'], allowedHeaders: ['content-type', 'x-cos-meta-*'], exposeHeaders: ['ETag', 'x-cos-request-id'], maxAgeSeconds: '600' }),
    rule({ id: 'read', allowedOrigins: ['http://a.com', 'http://b.com'], allowedMethods: ['GET', 'HEAD'], allowedHeaders: ['*'] }),
  ],
  responseVary: 'true',
};

describe('explainCors', () => {
  it.each<[string, CorsTestRequest, number | undefined, number | undefined, Record<string, string>]>([
    ['preflight matching the first rule', { kind: 'preflight', origin: 'https://app.example.com', method: 'PUT', headers: 'Content-Type, X-Cos-Meta-A' }, 200, 0, {
      'Access-Control-Allow-Origin': 'https://app.example.com', 'Access-Control-Allow-Methods': 'PUT,POST',
      'Access-Control-Allow-Headers': 'content-type,x-cos-meta-a', 'Access-Control-Expose-Headers': 'ETag,x-cos-request-id',
      'Access-Control-Max-Age': '600', Vary: 'Origin',
    }],
    ['preflight matching the second rule', { kind: 'preflight', origin: 'http://b.com', method: 'GET', headers: ['x-anything'] }, 200, 1, {
      'Access-Control-Allow-Origin': 'http://b.com', 'Access-Control-Allow-Methods': 'GET,HEAD', 'Access-Control-Allow-Headers': 'x-anything', Vary: 'Origin',
    }],
    ['preflight matching none', { kind: 'preflight', origin: 'http://c.com', method: 'GET' }, 403, undefined, {}],
    ['actual request matching', { kind: 'actual', origin: 'https://x.example.com', method: 'POST' }, undefined, 0, {
      'Access-Control-Allow-Origin': 'https://x.example.com', 'Access-Control-Expose-Headers': 'ETag,x-cos-request-id', Vary: 'Origin',
    }],
    ['actual request matching none', { kind: 'actual', origin: 'https://x.example.com', method: 'DELETE' }, undefined, undefined, {}],
  ])('%s', (_name, req, status, matchedRule, headers) => {
    const e = explainCors(config, req);
    expect(e.status).toBe(status);
    expect(e.matchedRule).toBe(matchedRule);
    expect(e.headers).toEqual(headers);
    expect(e.outcome).toBe(matchedRule === undefined ? 'no-rule-matched' : 'matched');
  });

  it('says per rule why it did not match', () => {
    const e = explainCors(config, { kind: 'preflight', origin: 'https://app.example.com', method: 'GET', headers: 'x-other, content-type' });
    expect(e.matchedRule).toBeUndefined();
    expect(e.rules).toEqual([
      { index: 0, id: 'uploads', matched: false, mismatches: [{ kind: 'method', method: 'GET' }, { kind: 'header', header: 'x-other' }] },
      { index: 1, id: 'read', matched: false, mismatches: [{ kind: 'origin', origin: 'https://app.example.com' }] },
    ]);
    expect(e.rules.flatMap((r) => r.mismatches.map(describeMismatch))).toEqual([
      'method GET not allowed', 'header x-other not allowed', 'origin https://app.example.com not allowed',
    ]);
  });

  it('the first match wins, later matches are still reported', () => {
    const both: CorsConfiguration = { rules: [rule({ allowedOrigins: ['http://*.a.com'] }), rule({ allowedOrigins: ['*'], exposeHeaders: ['ETag'] })] };
    const e = explainCors(both, { kind: 'actual', origin: 'http://w.a.com', method: 'GET' });
    expect(e.matchedRule).toBe(0);
    expect(e.rules.map((r) => r.matched)).toEqual([true, true]);
    expect(e.headers).toEqual({ 'Access-Control-Allow-Origin': 'http://w.a.com' });
    expect(explainCors(both, { kind: 'actual', origin: 'http://other.com', method: 'GET' }).headers).toEqual({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'ETag' });
  });

  it('no configuration, and a preflight without Origin or method', () => {
    expect(explainCors(undefined, { kind: 'preflight', origin: 'http://a.com', method: 'GET' })).toMatchObject({ outcome: 'no-configuration', status: 403, code: 'AccessForbidden', headers: {} });
    expect(explainCors(undefined, { kind: 'actual', origin: 'http://a.com', method: 'GET' })).toEqual({ kind: 'actual', outcome: 'no-configuration', rules: [], headers: {} });
    expect(explainCors(config, { kind: 'preflight', origin: '', method: 'GET' })).toMatchObject({ outcome: 'malformed-preflight', status: 400, code: 'InvalidRequest' });
  });
});
