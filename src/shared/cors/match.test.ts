import { describe, expect, it } from 'vitest';
import type { CorsConfiguration, CorsRule } from '../xml/cors';
import { actualResponseHeaders, judgeRule, matchActual, matchPreflight, parseHeaderList, preflightResponseHeaders, wildcardMatch } from './match';

const rule = (r: Partial<CorsRule>): CorsRule => ({ allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [], ...r });

describe('wildcardMatch', () => {
  it.each([
    ['*', 'http://a.com', false, true],
    ['http://*.example.com', 'http://www.example.com', false, true],
    ['http://*.example.com', 'http://a.b.example.com', false, true],
    ['http://*.example.com', 'http://example.com', false, false],
    ['http://*.example.com', 'https://www.example.com', false, false],
    ['http://*.example.com', 'http://www.example.com.evil.net', false, false],
    ['http://a.com', 'http://a.com', false, true],
    ['http://a.com', 'http://a.com:8080', false, false],
    ['x-cos-meta-*', 'X-COS-META-Author', true, true],
    ['x-cos-meta-*', 'X-COS-META-Author', false, false],
    ['a*b*c', 'abc', false, true],
    ['a*b*c', 'aXbYc', false, true],
    ['a*b*c', 'acb', false, false],
    ['ab*ba', 'aba', false, false],
  ])('%s ~ %s (ignoreCase %s) → %s', (pattern, value, ignoreCase, expected) => {
    expect(wildcardMatch(pattern, value, ignoreCase)).toBe(expected);
  });
});

describe('matchPreflight', () => {
  const config: CorsConfiguration = {
    rules: [
      rule({ id: 'uploads', allowedOrigins: ['https://*.example.com'], allowedMethods: ['PUT', 'POST'], allowedHeaders: ['content-type', 'x-cos-meta-*'], exposeHeaders: ['ETag'], maxAgeSeconds: '600' }),
      rule({ id: 'read', allowedOrigins: ['*'], allowedMethods: ['GET', 'HEAD'], allowedHeaders: ['*'] }),
    ],
  };

  it.each([
    ['origin, method and headers of rule 1', { origin: 'https://app.example.com', method: 'PUT', headers: ['content-type', 'x-cos-meta-a'] }, 'uploads', 'https://app.example.com'],
    ['header case does not matter', { origin: 'https://app.example.com', method: 'PUT', headers: ['Content-Type'] }, 'uploads', 'https://app.example.com'],
    ['a header rule 1 lacks', { origin: 'https://app.example.com', method: 'PUT', headers: ['x-other'] }, undefined, undefined],
    ['falls through to the wildcard rule', { origin: 'https://app.example.com', method: 'GET', headers: ['x-anything'] }, 'read', '*'],
    ['a method no rule allows', { origin: 'http://b.org', method: 'DELETE', headers: [] }, undefined, undefined],
    ['method compare is case-insensitive', { origin: 'http://b.org', method: 'get', headers: [] }, 'read', '*'],
  ])('%s', (_name, req, ruleId, allowOrigin) => {
    const m = matchPreflight(config, req);
    expect(m.matched ? m.rule.id : undefined).toBe(ruleId);
    expect(m.matched ? m.allowOrigin : undefined).toBe(allowOrigin);
  });

  it('first match wins', () => {
    const twice: CorsConfiguration = { rules: [rule({ id: 'a' }), rule({ id: 'b' })] };
    const m = matchPreflight(twice, { origin: 'http://x', method: 'GET', headers: [] });
    expect(m.matched && m.rule.id).toBe('a');
  });

  it('no configuration matches nothing', () => {
    expect(matchPreflight(undefined, { origin: 'http://x', method: 'GET', headers: [] }).matched).toBe(false);
  });

  it('actual requests ignore headers', () => {
    expect(matchActual(config, 'https://app.example.com', 'POST')).toMatchObject({ matched: true, allowOrigin: 'https://app.example.com' });
    expect(matchActual(config, 'https://app.example.com', 'DELETE').matched).toBe(false);
  });
});

describe('response headers', () => {
  const r = rule({ allowedOrigins: ['http://a.com'], allowedMethods: ['GET', 'PUT'], exposeHeaders: ['ETag', 'x-cos-request-id'], maxAgeSeconds: '5' });
  const req = { origin: 'http://a.com', method: 'PUT', headers: ['content-type', 'x-cos-meta-a'] };

  it('preflight: origin, methods, requested headers, expose, max-age; Vary only with ResponseVary=true', () => {
    const config: CorsConfiguration = { rules: [r] };
    const m = matchPreflight(config, { ...req, headers: [] });
    if (!m.matched) throw new Error('no match');
    expect(preflightResponseHeaders(config, m, req)).toEqual({
      'Access-Control-Allow-Origin': 'http://a.com',
      'Access-Control-Allow-Methods': 'GET,PUT',
      'Access-Control-Allow-Headers': 'content-type,x-cos-meta-a',
      'Access-Control-Expose-Headers': 'ETag,x-cos-request-id',
      'Access-Control-Max-Age': '5',
    });
    expect(preflightResponseHeaders({ ...config, responseVary: 'true' }, m, req)['Vary']).toBe('Origin');
  });

  it('actual: origin and expose headers', () => {
    const config: CorsConfiguration = { rules: [r], responseVary: 'true' };
    const m = matchActual(config, 'http://a.com', 'GET');
    if (!m.matched) throw new Error('no match');
    expect(actualResponseHeaders(config, m)).toEqual({ 'Access-Control-Allow-Origin': 'http://a.com', 'Access-Control-Expose-Headers': 'ETag,x-cos-request-id', Vary: 'Origin' });
  });

  it('splits Access-Control-Request-Headers', () => {
    expect(parseHeaderList(' Content-Type, x-cos-meta-a ,,')).toEqual(['content-type', 'x-cos-meta-a']);
    expect(parseHeaderList(undefined)).toEqual([]);
  });
});

describe('judgeRule: every mismatch of one rule', () => {
  const r = rule({ allowedOrigins: ['https://*.example.com'], allowedMethods: ['PUT'], allowedHeaders: ['content-type'] });
  it.each([
    [{ origin: 'https://a.example.com', method: 'put', headers: ['Content-Type'] }, { matched: true, allowOrigin: 'https://a.example.com' }],
    [{ origin: 'https://a.example.org', method: 'PUT', headers: [] }, { matched: false, mismatches: [{ kind: 'origin', origin: 'https://a.example.org' }] }],
    [{ origin: 'https://a.example.org', method: 'GET', headers: ['content-type', 'x-a', 'x-b'] }, { matched: false, mismatches: [
      { kind: 'origin', origin: 'https://a.example.org' }, { kind: 'method', method: 'GET' }, { kind: 'header', header: 'x-a' }, { kind: 'header', header: 'x-b' },
    ] }],
  ])('%o', (req, expected) => {
    expect(judgeRule(r, req)).toEqual(expected);
  });
});
