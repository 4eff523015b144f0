// The session user as the console reads it from /api/session and /api/login, for both kinds of session.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getSession, loginWithKey } from './console-api';

function answer(body: unknown): ReturnType<typeof vi.fn> {
  const fetchMock = vi.fn(() => Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } })));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('session user', () => {
  it('reads an account session', async () => {
    answer({ user: { name: 'admin', kind: 'account', role: 'admin' }, csrfToken: 't' });
    expect(await getSession()).toEqual({ user: { name: 'admin', role: 'admin', canListBuckets: true }, csrfToken: 't' });
  });

  it('reads a restricted account session with its grants', async () => {
    const grants = [{ bucket: 'photos-1250000000', prefix: '2025/', permissions: ['list', 'read'] }];
    answer({ user: { name: 'ann', kind: 'account', role: 'user', grants }, csrfToken: 't' });
    expect(await getSession()).toEqual({ user: { name: 'ann', role: 'user', canListBuckets: true, grants }, csrfToken: 't' });
  });

  it.each([
    ['no grants', undefined, '/user/grants is required'],
    ['grants that are not a list', { bucket: 'photos-1250000000' }, '/user/grants must be array'],
    ['a grant with an unknown permission', [{ bucket: 'photos-1250000000', prefix: '', permissions: ['everything'] }], '/user/grants/0/permissions/0 must be one of list, read, write, delete, share, settings'],
  ])('refuses a restricted account session with %s, saying where', async (_case, grants, misfit) => {
    answer({ user: { name: 'ann', kind: 'account', role: 'user', grants }, csrfToken: 't' });
    await expect(getSession()).rejects.toMatchObject({ status: 502, code: 'MalformedResponse', message: `/api/session: ${misfit}` });
  });

  it.each([
    ['an API key without canListBuckets', { name: 'AKIDx', kind: 'api-key', role: 'api-key', temporary: false }, '/user/canListBuckets is required'],
    ['an unknown role', { name: 'x', kind: 'account', role: 'root' }, '/user/role must be "admin"'],
  ])('refuses %s', async (_case, user, misfit) => {
    answer({ user, csrfToken: 't' });
    await expect(getSession()).rejects.toMatchObject({ code: 'MalformedResponse', message: `/api/session: ${misfit}` });
  });

  it('refuses a session without its CSRF token', async () => {
    answer({ user: { name: 'admin', kind: 'account', role: 'admin' } });
    await expect(getSession()).rejects.toMatchObject({ code: 'MalformedResponse', message: '/api/session: /csrfToken is required' });
  });

  it.each([true, false])('reads an API-key session (canListBuckets %s)', async (canListBuckets) => {
    answer({ user: { name: 'AKIDx', kind: 'api-key', role: 'api-key', temporary: false, canListBuckets }, csrfToken: 't' });
    expect(await getSession()).toEqual({ user: { name: 'AKIDx', role: 'api-key', canListBuckets }, csrfToken: 't' });
  });
});

describe('loginWithKey', () => {
  it('posts the key and returns the API-key user', async () => {
    const fetchMock = answer({ user: { name: 'AKIDx', kind: 'api-key', role: 'api-key', temporary: true, canListBuckets: false } });
    const user = await loginWithKey({ secretId: 'AKIDx', secretKey: 'k', token: 'tok' });
    expect(user).toEqual({ name: 'AKIDx', role: 'api-key', canListBuckets: false });
    const [path, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe('/api/login');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ secretId: 'AKIDx', secretKey: 'k', token: 'tok' });
  });
});
