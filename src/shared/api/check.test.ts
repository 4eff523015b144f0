// schemaMisfit: one line saying where an answer breaks its schema and why.
import { describe, expect, it } from 'vitest';
import { AuditPage } from './admin';
import { schemaMisfit } from './check';
import { SessionResponse } from './session';
import { StsResponse } from './sts';

const ENTRY = { id: 1, at: '2026-11-23T12:00:00.000Z', actor: 'bob', event: 'sign', outcome: 'allowed' };

describe('schemaMisfit', () => {
  it('is undefined for a value that fits', () => {
    expect(schemaMisfit(AuditPage, { entries: [ENTRY], nextBefore: 1 })).toBeUndefined();
    // Properties the schema does not name are no misfit: the server may add some.
    expect(schemaMisfit(AuditPage, { entries: [{ ...ENTRY, extra: 1 }] })).toBeUndefined();
  });

  it.each<[string, unknown, string]>([
    ['an enumeration', { entries: [{ ...ENTRY, outcome: 'maybe' }] }, '/entries/0/outcome must be one of allowed, refused, ok, failed'],
    ['a date-time', { entries: [{ ...ENTRY, at: 'yesterday' }] }, '/entries/0/at must be a date-time string'],
    ['a missing property', { entries: [{ id: 1, at: ENTRY.at, event: 'sign', outcome: 'ok' }] }, '/entries/0/actor is required'],
    ['a type', { entries: {} }, '/entries must be array'],
    ['the whole value', null, '/ must be object'],
  ])('names the path and the reason: %s', (_case, value, misfit) => {
    expect(schemaMisfit(AuditPage, value)).toBe(misfit);
  });

  it('says an empty string where one is needed is empty', () => {
    expect(schemaMisfit(StsResponse, { TmpSecretId: 'a', TmpSecretKey: 'b', SecurityToken: '', StartTime: 1, ExpiredTime: 2 })).toBe('/SecurityToken must not be empty');
  });

  it('reports a union\'s misfit from the variant the value was meant to be (its kind and role)', () => {
    const user = (u: object) => schemaMisfit(SessionResponse, { user: u, csrfToken: 't' });
    expect(user({ name: 'ann', kind: 'account', role: 'user' })).toBe('/user/grants is required');
    expect(user({ name: 'ann', kind: 'account', role: 'user', grants: [{ bucket: 'b-1', prefix: '', permissions: ['fly'] }] }))
      .toBe('/user/grants/0/permissions/0 must be one of list, read, write, delete, share, settings');
    expect(user({ name: 'AKID', kind: 'api-key', role: 'api-key', temporary: 'no', canListBuckets: true })).toBe('/user/temporary must be boolean');
  });
});
