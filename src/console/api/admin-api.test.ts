// The admin API as the console reads and sends it (src/server/routes/admin-users.ts, admin-audit.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAccount, listAccounts, listAudit, resetPassword, updateAccount, type ConsoleAccount } from './admin-api';
import { ApiError } from './http';

function answer(body: unknown, status = 200): ReturnType<typeof vi.fn> {
  const fetchMock = vi.fn(() => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
const sent = (fetchMock: ReturnType<typeof vi.fn>) => {
  const [path, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
  return { path, method: init.method, body: init.body === undefined ? undefined : (JSON.parse(String(init.body)) as unknown), headers: init.headers as Record<string, string> };
};

afterEach(() => {
  vi.unstubAllGlobals();
});

const ALICE: ConsoleAccount = { name: 'alice', role: 'user', disabled: false, grants: [{ bucket: 'photos-1250000000', prefix: '', permissions: ['list'] }], createdAt: '2026-11-23T12:00:00.000Z' };

describe('accounts', () => {
  it('lists accounts', async () => {
    answer({ users: [ALICE] });
    expect(await listAccounts()).toEqual([ALICE]);
  });

  it.each([
    [{ users: [{ ...ALICE, role: 'root' }] }, '/users/0/role must be one of admin, user'],
    [{ users: [{ ...ALICE, grants: [{ bucket: 'b-1', prefix: '', permissions: ['fly'] }] }] }, '/users/0/grants/0/permissions/0 must be one of list, read, write, delete, share, settings'],
    [{ users: [{ ...ALICE, disabled: 'no' }] }, '/users/0/disabled must be boolean'],
    [{ users: [{ ...ALICE, createdAt: 'yesterday' }] }, '/users/0/createdAt must be a date-time string'],
    [{ accounts: [] }, '/users is required'],
  ])('refuses a malformed listing %j, naming the endpoint and what is wrong', async (body, misfit) => {
    answer(body);
    await expect(listAccounts()).rejects.toMatchObject({ status: 502, code: 'MalformedResponse', message: `/api/admin/users: ${misfit}` });
  });

  it('creates with a generated password and returns it', async () => {
    const fetchMock = answer({ user: ALICE, generatedPassword: 'p'.repeat(20) }, 201);
    expect(await createAccount({ name: 'alice', role: 'user', grants: ALICE.grants }, 'csrf')).toEqual({ account: ALICE, generatedPassword: 'p'.repeat(20) });
    expect(sent(fetchMock)).toMatchObject({ path: '/api/admin/users', method: 'POST', body: { name: 'alice', role: 'user', grants: ALICE.grants }, headers: { 'x-csrf-token': 'csrf' } });
  });

  it('creates with a chosen password: nothing to show', async () => {
    answer({ user: ALICE }, 201);
    expect(await createAccount({ name: 'alice', role: 'user', password: 'chosen-password', grants: [] }, 'csrf')).toEqual({ account: ALICE });
  });

  it('passes the server\'s refusal on with its message and code', async () => {
    answer({ error: { code: 'InvalidGrants', message: 'grant 1: prefix must not contain *' } }, 400);
    const error = await createAccount({ name: 'alice', role: 'user', grants: [] }, 'csrf').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'InvalidGrants', message: 'grant 1: prefix must not contain *' });
  });

  it('updates with PATCH on the encoded name', async () => {
    const fetchMock = answer({ user: { ...ALICE, name: 'a.b@c', disabled: true } });
    await updateAccount('a.b@c', { disabled: true }, 'csrf');
    expect(sent(fetchMock)).toMatchObject({ path: '/api/admin/users/a.b%40c', method: 'PATCH', body: { disabled: true } });
  });

  it('resets to a generated password (empty body) or a chosen one', async () => {
    let fetchMock = answer({ generatedPassword: 'g'.repeat(20) });
    expect(await resetPassword('alice', undefined, 'csrf')).toEqual({ generatedPassword: 'g'.repeat(20) });
    expect(sent(fetchMock)).toMatchObject({ path: '/api/admin/users/alice/password', method: 'POST', body: {} });
    fetchMock = answer({});
    expect(await resetPassword('alice', 'chosen-password', 'csrf')).toEqual({});
    expect(sent(fetchMock).body).toEqual({ password: 'chosen-password' });
  });

  it('a generated reset without the password is a contract error, not a silent success', async () => {
    answer({});
    await expect(resetPassword('alice', undefined, 'csrf')).rejects.toMatchObject({
      code: 'MalformedResponse', message: '/api/admin/users/:name/password: /generatedPassword is required for a generated password',
    });
  });

  it('an answer with a status the route does not declare is a contract error', async () => {
    answer({ user: ALICE }, 200);
    await expect(createAccount({ name: 'alice', role: 'user', grants: [] }, 'csrf')).rejects.toMatchObject({
      code: 'MalformedResponse', message: '/api/admin/users: unexpected status 200',
    });
  });
});

describe('audit', () => {
  const ENTRY = { id: 7, at: '2026-11-23T12:00:00.000Z', actor: 'alice', event: 'login', outcome: 'ok', detail: 'console account', ip: '127.0.0.1' };

  it('sends the filters and reads the page and its cursor', async () => {
    const fetchMock = answer({ entries: [ENTRY], nextBefore: 7 });
    expect(await listAudit({ actor: 'api-key:AKID x', outcome: 'ok', before: 9, limit: 50 })).toEqual({ entries: [ENTRY], nextBefore: 7 });
    const url = new URL(sent(fetchMock).path, 'http://console.test');
    expect(url.pathname).toBe('/api/admin/audit');
    expect(Object.fromEntries(url.searchParams)).toEqual({ actor: 'api-key:AKID x', outcome: 'ok', before: '9', limit: '50' });
  });

  it('a short page has no cursor', async () => {
    answer({ entries: [{ id: 1, at: ENTRY.at, actor: '-', event: 'sign', outcome: 'refused' }] });
    expect(await listAudit({})).toEqual({ entries: [{ id: 1, at: ENTRY.at, actor: '-', event: 'sign', outcome: 'refused' }] });
  });

  it('keeps the signed request of a signature entry', async () => {
    const sign = { id: 2, at: ENTRY.at, actor: 'bob', event: 'sign', outcome: 'allowed', request: 'GET b-1.cos.r.localhost:9000/?prefix=a%2F\nsigned headers: host=b-1.cos.r.localhost%3A9000' };
    answer({ entries: [sign] });
    expect((await listAudit({})).entries[0]?.request).toBe(sign.request);
  });

  it('refuses an unknown outcome, naming the endpoint, the entry and the outcomes there are', async () => {
    answer({ entries: [{ ...ENTRY, outcome: 'maybe' }] });
    const error = await listAudit({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502, code: 'MalformedResponse', message: '/api/admin/audit: /entries/0/outcome must be one of allowed, refused, ok, failed' });
  });

  it.each([
    [{ entries: [{ ...ENTRY, request: 42 }] }, '/entries/0/request must be string'],
    [{ entries: [{ ...ENTRY, id: 7.5 }] }, '/entries/0/id must be integer'],
    [{ entries: [ENTRY], nextBefore: '7' }, '/nextBefore must be integer'],
    [[ENTRY], '/ must be object'],
  ])('refuses a page %j', async (body, misfit) => {
    answer(body);
    await expect(listAudit({})).rejects.toMatchObject({ code: 'MalformedResponse', message: `/api/admin/audit: ${misfit}` });
  });
});
