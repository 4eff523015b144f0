import { describe, expect, it } from 'vitest';
import { validateCors } from './validate';

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
