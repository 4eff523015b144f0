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
});
