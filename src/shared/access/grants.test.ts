import { describe, expect, it } from 'vitest';
import { parseGrants } from './grants';

describe('parseGrants', () => {
  it('accepts grants and drops repeated permissions', () => {
    expect(parseGrants([{ bucket: 'photos-1250000000', prefix: 'alice/', permissions: ['read', 'list', 'read'] }]))
      .toEqual({ ok: true, value: [{ bucket: 'photos-1250000000', prefix: 'alice/', permissions: ['read', 'list'] }] });
    expect(parseGrants([])).toEqual({ ok: true, value: [] });
  });

  it.each([
    [{}, 'grants must be a list'],
    [[null], 'grant 1 must be an object'],
    [[{ bucket: 'photos', prefix: '', permissions: ['read'] }], 'grant 1: bucket must look like name-appid'],
    [[{ bucket: 'photos-1250000000', prefix: '/a', permissions: ['read'] }], 'grant 1: prefix must be a key prefix without a leading /'],
    [[{ bucket: 'photos-1250000000', prefix: 'a/*', permissions: ['read'] }], 'grant 1: prefix must not contain *'],
    [[{ bucket: 'photos-1250000000', prefix: '', permissions: [] }], 'grant 1: permissions must be a non-empty subset of list, read, write, delete, share, settings'],
    [[{ bucket: 'photos-1250000000', prefix: '', permissions: ['admin'] }], 'grant 1: permissions must be a non-empty subset of list, read, write, delete, share, settings'],
  ])('refuses %j', (input, reason) => {
    expect(parseGrants(input)).toEqual({ ok: false, reason });
  });
});
