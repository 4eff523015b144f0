// POST /api/sts as the console calls it: the task goes out with the CSRF token, the keys come back
// checked, and a refusal (409 StsUnavailable included) arrives as an ApiError with its code.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestTempKeys } from './console-api';
import { ApiError } from './http';

function answer(status: number, body: unknown): ReturnType<typeof vi.fn> {
  const fetchMock = vi.fn(() => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const task = { bucket: 'photos-1250000000', region: 'ap-guangzhou', prefix: 'team/', actions: ['name/cos:PutObject'] };
const keys = { TmpSecretId: 'AKIDtmp', TmpSecretKey: 'tmpkey', SecurityToken: 'token', StartTime: 1700000000, ExpiredTime: 1700001800 };

describe('requestTempKeys', () => {
  it('posts the task with the CSRF token and returns the keys', async () => {
    const fetchMock = answer(200, keys);
    expect(await requestTempKeys(task, 'csrf-1')).toEqual(keys);
    const [path, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe('/api/sts');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['x-csrf-token']).toBe('csrf-1');
    expect(JSON.parse(String(init.body))).toEqual(task);
  });

  it.each<[string, unknown, string]>([
    ['no token', { ...keys, SecurityToken: '' }, '/SecurityToken must not be empty'],
    ['a string ExpiredTime', { ...keys, ExpiredTime: '1700001800' }, '/ExpiredTime must be integer'],
    ['no TmpSecretKey', { ...keys, TmpSecretKey: undefined }, '/TmpSecretKey is required'],
  ])('refuses an answer with %s', async (_name, body, misfit) => {
    answer(200, body);
    await expect(requestTempKeys(task, 'c')).rejects.toMatchObject({ code: 'MalformedResponse', message: `/api/sts: ${misfit}` });
  });

  it('passes 409 StsUnavailable on as an ApiError', async () => {
    answer(409, { error: { code: 'StsUnavailable', message: 'sign each request' } });
    const error: unknown = await requestTempKeys(task, 'c').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'StsUnavailable' });
  });
});
