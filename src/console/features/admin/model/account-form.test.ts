import { describe, expect, it } from 'vitest';
import { accountChangesBody, grantRowProblems, newAccountBody, type AccountForm, type GrantRow } from './account-form';

const row = (over: Partial<GrantRow> = {}): GrantRow => ({ id: 'r', bucket: 'photos-1250000000', prefix: '2025/', permissions: ['list', 'read'], ...over });
const form = (over: Partial<AccountForm> = {}): AccountForm => ({ name: 'carol', role: 'user', passwordMode: 'generate', password: '', grants: [row()], ...over });

describe('grantRowProblems', () => {
  it.each([
    [{}, {}],
    [{ prefix: '' }, {}],
    [{ prefix: 'a b/照片/' }, {}],
    [{ bucket: '' }, { bucket: 'bucketRequired' }],
    [{ bucket: '  ' }, { bucket: 'bucketRequired' }],
    [{ bucket: 'photos' }, { bucket: 'bucketFormat' }],
    [{ bucket: 'Photos-1250000000' }, { bucket: 'bucketFormat' }],
    [{ bucket: ' photos-1250000000 ' }, {}],
    [{ prefix: '2025/*' }, { prefix: 'prefixStar' }],
    [{ prefix: '*' }, { prefix: 'prefixStar' }],
    [{ prefix: '/2025/' }, { prefix: 'prefixSlash' }],
    [{ prefix: 'x'.repeat(851) }, { prefix: 'prefixLong' }],
    [{ prefix: 'x'.repeat(850) }, {}],
    [{ permissions: [] }, { permissions: 'permissionsRequired' }],
    [{ bucket: 'x', prefix: '*', permissions: [] }, { bucket: 'bucketFormat', prefix: 'prefixStar', permissions: 'permissionsRequired' }],
  ] satisfies [Partial<GrantRow>, object][])('%j → %j', (over, expected) => {
    expect(grantRowProblems(row(over))).toEqual(expected);
  });
});

describe('newAccountBody', () => {
  it('generates the password (no password field) and sends the grants of a user', () => {
    expect(newAccountBody(form({ name: ' carol ' }))).toEqual({
      ok: true,
      body: { name: 'carol', role: 'user', grants: [{ bucket: 'photos-1250000000', prefix: '2025/', permissions: ['list', 'read'] }] },
    });
  });

  it('sends a chosen password verbatim', () => {
    const result = newAccountBody(form({ passwordMode: 'choose', password: ' long enough pw ' }));
    expect(result.ok && result.body.password).toBe(' long enough pw ');
  });

  it('sends no grants for an admin, and does not check them', () => {
    expect(newAccountBody(form({ role: 'admin', grants: [row({ prefix: '*' })] }))).toEqual({ ok: true, body: { name: 'carol', role: 'admin', grants: [] } });
  });

  it('a user with no grants is allowed (the server accepts an empty list)', () => {
    expect(newAccountBody(form({ grants: [] })).ok).toBe(true);
  });

  it.each([
    [{ name: '' }, { name: 'nameRequired' }],
    [{ name: '-carol' }, { name: 'nameFormat' }],
    [{ name: 'carol smith' }, { name: 'nameFormat' }],
    [{ name: 'c'.repeat(65) }, { name: 'nameFormat' }],
    [{ passwordMode: 'choose', password: 'short' }, { password: 'passwordShort' }],
    [{ passwordMode: 'choose', password: 'x'.repeat(1025) }, { password: 'passwordLong' }],
    // The password field is ignored while "generate" is chosen.
    [{ passwordMode: 'generate', password: 'short' }, {}],
  ] as const)('%j is refused with %j', (over, expected) => {
    const result = newAccountBody(form(over));
    if (Object.keys(expected).length === 0) {
      expect(result.ok).toBe(true);
      return;
    }
    expect(result).toEqual({ ok: false, problems: { grants: [{}], ...expected } });
  });

  it('names the row and the field of a bad grant', () => {
    expect(newAccountBody(form({ grants: [row(), row({ prefix: 'a*' })] }))).toEqual({ ok: false, problems: { grants: [{}, { prefix: 'prefixStar' }] } });
  });
});

describe('accountChangesBody', () => {
  it('a user: role and grants', () => {
    expect(accountChangesBody({ role: 'user', grants: [row({ prefix: '' })] })).toEqual({
      ok: true,
      body: { role: 'user', grants: [{ bucket: 'photos-1250000000', prefix: '', permissions: ['list', 'read'] }] },
    });
  });

  it('an admin: the role only', () => {
    expect(accountChangesBody({ role: 'admin', grants: [row({ bucket: '' })] })).toEqual({ ok: true, body: { role: 'admin' } });
  });

  it('refuses a bad grant', () => {
    expect(accountChangesBody({ role: 'user', grants: [row({ permissions: [] })] })).toEqual({ ok: false, problems: { grants: [{ permissions: 'permissionsRequired' }] } });
  });
});
