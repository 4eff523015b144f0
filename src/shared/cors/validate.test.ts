import { describe, expect, it } from 'vitest';
import { allowedHeaderProblem, exposeHeaderProblem, maxAgeProblem, originProblem, validateCors } from './validate';

const cfg = (methods: string[]) => ({ rules: [{ allowedOrigins: ['*'], allowedMethods: methods, allowedHeaders: [], exposeHeaders: [] }] });

describe('validateCors', () => {
  it.each([
    [['GET', 'PUT', 'POST', 'DELETE', 'HEAD'], undefined],
    [['get'], undefined],
    [['PATCH'], 'Unsupported AllowedMethod PATCH.'],
    [['OPTIONS'], 'Unsupported AllowedMethod OPTIONS.'],
  ])('%j → %s', (methods, expected) => {
    expect(validateCors(cfg(methods))).toBe(expected);
  });

  it.each([
    [{ maxAgeSeconds: '600' }, undefined],
    [{ maxAgeSeconds: '-1' }, 'MaxAgeSeconds must be a non-negative integer.'],
    [{ maxAgeSeconds: '中文' }, 'MaxAgeSeconds must be a non-negative integer.'],
    [{ exposeHeaders: ['ETag', 'x-cos-meta-*'] }, undefined],
    [{ exposeHeaders: ['中文'] }, 'ExposeHeader "中文" is not a valid header name.'],
    [{ exposeHeaders: ['a\nb'] }, 'ExposeHeader "a\\nb" is not a valid header name.'],
  ])('refuses values no response header can carry: %j → %s', (rule, expected) => {
    expect(validateCors({ rules: [{ ...cfg(['GET']).rules[0]!, ...rule }] })).toBe(expected);
  });
});

describe('originProblem', () => {
  it.each([
    ['*', undefined],
    ['http://a.com', undefined],
    ['https://*.example.com', undefined],
    ['http://a.com:8080', undefined],
    ['*://a.com', undefined],
    ['http://*', undefined],
    ['http://*.a.*.com', 'originStars'],
    ['**', 'originStars'],
    ['*.example.com', 'originScheme'],
    ['a.com', 'originScheme'],
    ['//a.com', 'originScheme'],
    ['http://a.com/', 'originPath'],
    ['http://a.com/app', 'originPath'],
    ['http://a .com', 'originSpace'],
  ])('%s → %s', (origin, expected) => {
    expect(originProblem(origin)).toBe(expected);
  });
});

describe('header problems', () => {
  it.each([
    ['*', undefined, 'exposeWildcard'],
    ['Content-Type', undefined, undefined],
    ['x-cos-meta-*', undefined, 'exposeWildcard'],
    ['x-*-*', 'headerStars', 'exposeWildcard'],
    ['a b', 'headerName', 'headerName'],
    ['x:y', 'headerName', 'headerName'],
    ['中文', 'headerName', 'headerName'],
  ])('%s → allowed %s, exposed %s', (header, allowed, exposed) => {
    expect(allowedHeaderProblem(header)).toBe(allowed);
    expect(exposeHeaderProblem(header)).toBe(exposed);
  });
});

describe('maxAgeProblem', () => {
  it.each([['0', undefined], ['600', undefined], ['-1', 'maxAgeInteger'], ['1.5', 'maxAgeInteger'], ['', 'maxAgeInteger'], ['12345678901', 'maxAgeInteger']])('%s → %s', (v, expected) => {
    expect(maxAgeProblem(v)).toBe(expected);
  });
});
