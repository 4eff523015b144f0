// Every call of the console's API client checks its answer against the response schema of its route
// in the shared contract (src/shared/api) — the very object, not a copy: src/server/routes/
// contract.test.ts shows the server registers those same objects. schemaMisfit is watched to see
// which schema each answer was checked with.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as contract from '../../shared/api';
import type { ApiRoute } from '../../shared/api';
import type * as check from '../../shared/api/check';
import * as admin from './admin-api';
import * as api from './console-api';
import * as history from './history-api';

vi.mock('../../shared/api/check', async (importOriginal) => {
  const original = await importOriginal<typeof check>();
  return { ...original, schemaMisfit: vi.fn(original.schemaMisfit) };
});

function answer(status: number, body: unknown): void {
  vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }))));
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.mocked(contract.schemaMisfit).mockClear();
});

const GRANT = { bucket: 'photos-1250000000', prefix: '', permissions: ['list'] };
const ACCOUNT = { name: 'ann', role: 'user', disabled: false, grants: [GRANT], createdAt: '2026-11-23T12:00:00.000Z' };
const HISTORY_ENTRY = { id: 1, bucket: 'b-1', region: 'r', setting: 'cors', actor: 'admin', at: 1, kind: 'change', state: 'pending', before: { rules: [] } };
const SIGN = { Method: 'GET', Pathname: '/', Query: {}, Headers: {}, Bucket: 'b-1', Region: 'r', Key: '' };

// [route, status, a valid answer, the client call]
const CALLS: [ApiRoute, number, unknown, () => Promise<unknown>][] = [
  [contract.GetConfig, 200, { mode: 'local', cos: { domain: '', protocol: 'http:' }, defaultRegion: 'r' }, () => api.getConfig()],
  [contract.GetSession, 200, { user: { name: 'admin', kind: 'account', role: 'admin' }, csrfToken: 't' }, () => api.getSession()],
  [contract.Login, 200, { user: { name: 'ann', kind: 'account', role: 'user', grants: [GRANT] } }, () => api.login({ username: 'ann', password: 'p' })],
  [contract.Login, 200, { user: { name: 'AKID', kind: 'api-key', role: 'api-key', temporary: false, canListBuckets: true } }, () => api.loginWithKey({ secretId: 'AKID', secretKey: 'k' })],
  [contract.Logout, 204, undefined, () => api.logout('c')],
  [contract.Sign, 200, { Authorization: 'q-sign' }, () => api.signCosRequest(SIGN, 'c')],
  [contract.Sts, 200, { TmpSecretId: 'a', TmpSecretKey: 'b', SecurityToken: 'c', StartTime: 1, ExpiredTime: 2 }, () => api.requestTempKeys({ bucket: 'b-1', region: 'r', prefix: '', actions: ['name/cos:PutObject'] }, 'c')],
  [contract.ListBuckets, 200, { buckets: [] }, () => api.listBuckets()],
  [contract.CreateBucket, 201, { name: 'b-1', region: 'r' }, () => api.createBucket('b-1', 'r', 'c')],
  [contract.GetConsoleCors, 200, { reachable: true, origin: 'o' }, () => api.getConsoleCors('b-1', 'r')],
  [contract.FixConsoleCors, 200, { status: 'present', origin: 'o' }, () => api.allowConsoleCors('b-1', 'r', 'c')],
  [contract.ListAccounts, 200, { users: [ACCOUNT] }, () => admin.listAccounts()],
  [contract.CreateAccount, 201, { user: ACCOUNT }, () => admin.createAccount({ name: 'ann', role: 'user', password: 'chosen-password', grants: [] }, 'c')],
  [contract.UpdateAccount, 200, { user: ACCOUNT }, () => admin.updateAccount('ann', { disabled: true }, 'c')],
  [contract.ResetPassword, 200, {}, () => admin.resetPassword('ann', 'chosen-password', 'c')],
  [contract.ListAudit, 200, { entries: [] }, () => admin.listAudit({})],
  [contract.OpenChange, 201, HISTORY_ENTRY, () => history.openChange({ bucket: 'b-1', region: 'r', setting: 'cors', kind: 'change' }, 'c')],
  [contract.ConfirmChange, 200, { ...HISTORY_ENTRY, state: 'confirmed', after: null, changed: true }, () => history.confirmChange('b-1', 1, 'c')],
  [contract.ListHistory, 200, { entries: [HISTORY_ENTRY] }, () => history.listHistory('b-1', 'r', 'cors')],
];

describe('the client checks each answer with its route\'s shared schema object', () => {
  it.each(CALLS.map(([route, status, body, call]) => [`${route.method} ${route.url}`, route, status, body, call] as const))(
    '%s',
    async (_name, route, status, body, call) => {
      answer(status, body);
      await call();
      const checked = vi.mocked(contract.schemaMisfit).mock.calls.map(([schema]) => schema);
      expect(checked).toHaveLength(1);
      expect(checked[0]).toBe(route.schema.response[status]);
    },
  );

  it('covers every route the console calls', () => {
    // Health is for orchestration; every other route has a client call above.
    const called = new Set(CALLS.map(([route]) => route));
    expect(contract.API_ROUTES.filter((r) => !called.has(r)).map((r) => r.url)).toEqual(['/api/health']);
  });
});
