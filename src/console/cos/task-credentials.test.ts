import { describe, expect, it } from 'vitest';
import type { TempKeys } from '../api/console-api';
import { ApiError } from '../api/http';
import { STS_ACTIONS, taskPolicy } from '../../shared/access/sts-policy';
import type { CosTask } from './cos-client';
import { coveredByTask, createTempKeySource, DELETE_ACTIONS, REFRESH_MARGIN_SECONDS, tempKeyTaskOf, UPLOAD_ACTIONS } from './task-credentials';

const upload: CosTask = { kind: 'upload', bucket: 'photos-1250000000', region: 'ap-guangzhou', prefix: 'team/' };
const del: CosTask = { ...upload, kind: 'delete' };

const keys = (expired: number): TempKeys => ({ TmpSecretId: `id-${expired}`, TmpSecretKey: 'k', SecurityToken: 't', StartTime: expired - 1800, ExpiredTime: expired });

describe('tempKeyTaskOf', () => {
  it.each([
    [upload, UPLOAD_ACTIONS],
    [del, DELETE_ACTIONS],
  ])('asks for the task kind\'s exact actions on its prefix (%o)', (task, actions) => {
    expect(tempKeyTaskOf(task)).toEqual({ bucket: task.bucket, region: task.region, prefix: 'team/', actions: [...actions] });
  });

  it('asks only for actions the server issues keys for, and the policy it builds accepts them', () => {
    for (const a of [...UPLOAD_ACTIONS, ...DELETE_ACTIONS]) expect(STS_ACTIONS.has(a)).toBe(true);
    // A console account granted only team/ (write, delete) gets both tasks: no action needs the whole bucket.
    const grants = { kind: 'grants' as const, grants: [{ bucket: upload.bucket, prefix: 'team/', permissions: ['write' as const, 'delete' as const] }] };
    expect(taskPolicy(tempKeyTaskOf(upload), grants).ok).toBe(true);
    expect(taskPolicy(tempKeyTaskOf(del), grants).ok).toBe(true);
    // ListMultipartUploads would not be granted to it: that is why it is signed per request.
    expect(taskPolicy({ ...tempKeyTaskOf(upload), actions: ['name/cos:ListMultipartUploads'] }, grants).ok).toBe(false);
  });
});

describe('coveredByTask', () => {
  it.each<[string, { action: string }[] | undefined, CosTask, boolean]>([
    ['PUT Object', [{ action: 'name/cos:PutObject' }], upload, true],
    ['a part', [{ action: 'name/cos:UploadPart' }], upload, true],
    ['listing the uploads (per request)', [{ action: 'name/cos:ListMultipartUploads' }], upload, false],
    ['a batch delete: one DeleteObject per key', [{ action: 'name/cos:DeleteObject' }, { action: 'name/cos:DeleteObject' }], del, true],
    ['a delete with upload keys', [{ action: 'name/cos:DeleteObject' }], upload, false],
    ['an upload with delete keys', [{ action: 'name/cos:PutObject' }], del, false],
    ['a mixed scope', [{ action: 'name/cos:DeleteObject' }, { action: 'name/cos:GetObject' }], del, false],
    ['no scope', undefined, upload, false],
    ['an empty scope', [], upload, false],
  ])('%s', (_name, scope, task, expected) => {
    expect(coveredByTask(scope, task)).toBe(expected);
  });
});

describe('createTempKeySource', () => {
  it('reuses keys until they near expiry, then fetches again', async () => {
    let now = 1000;
    let calls = 0;
    const source = createTempKeySource(() => Promise.resolve(keys(1000 + 1800 + 1800 * calls++)), () => now);
    const first = await source.keys();
    expect(await source.keys()).toBe(first);
    now = 1000 + 1800 - REFRESH_MARGIN_SECONDS + 1;
    const second = await source.keys();
    expect(second).not.toBe(first);
    expect(calls).toBe(2);
  });

  it('shares one request among concurrent callers', async () => {
    let calls = 0;
    const source = createTempKeySource(() => {
      calls++;
      return Promise.resolve(keys(99999));
    }, () => 0);
    const [a, b] = await Promise.all([source.keys(), source.keys()]);
    expect(a).toBe(b);
    expect(calls).toBe(1);
  });

  it('answers null (sign per request) after 409 StsUnavailable, without asking again', async () => {
    let calls = 0;
    const source = createTempKeySource(() => {
      calls++;
      return Promise.reject(new ApiError(409, 'StsUnavailable', 'temporary key'));
    });
    expect(await source.keys()).toBeNull();
    expect(await source.keys()).toBeNull();
    expect(calls).toBe(1);
  });

  it('passes other refusals on and asks again next time', async () => {
    let calls = 0;
    const source = createTempKeySource(() => {
      calls++;
      return Promise.reject(new ApiError(403, 'Forbidden', 'The task needs write on photos-1250000000/x/'));
    });
    await expect(source.keys()).rejects.toMatchObject({ status: 403, code: 'Forbidden' });
    await expect(source.keys()).rejects.toMatchObject({ status: 403 });
    expect(calls).toBe(2);
  });
});
