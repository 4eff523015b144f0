import { describe, expect, it } from 'vitest';
import { overwrites, percentOf, startable, summarize, uploadReducer, type UploadAction, type UploadItem } from './upload-state';

const base = { bucket: 'b-1250000000', region: 'ap-guangzhou', prefix: 'p/' };
const add = (...names: string[]): UploadAction => ({ type: 'add', items: names.map((n) => ({ ...base, id: n, key: `p/${n}`, name: n, size: 100 })) });
const run = (actions: UploadAction[]): UploadItem[] => actions.reduce<UploadItem[]>(uploadReducer, []);
const statusOf = (items: UploadItem[]) => Object.fromEntries(items.map((i) => [i.id, i.status]));

describe('uploadReducer', () => {
  it.each<[string, UploadAction[], Record<string, string>]>([
    ['added files wait', [add('a', 'b')], { a: 'waiting', b: 'waiting' }],
    ['start → uploading', [add('a'), { type: 'start', id: 'a' }], { a: 'uploading' }],
    ['done', [add('a'), { type: 'start', id: 'a' }, { type: 'done', id: 'a' }], { a: 'done' }],
    ['failed', [add('a'), { type: 'start', id: 'a' }, { type: 'failed', id: 'a', code: 'AccessDenied', message: 'no' }], { a: 'failed' }],
    ['cancel a waiting file', [add('a'), { type: 'cancel', id: 'a' }], { a: 'cancelled' }],
    ['cancel a running file', [add('a'), { type: 'start', id: 'a' }, { type: 'cancel', id: 'a' }], { a: 'cancelled' }],
    ['a done file cannot be cancelled', [add('a'), { type: 'start', id: 'a' }, { type: 'done', id: 'a' }, { type: 'cancel', id: 'a' }], { a: 'done' }],
    ['a cancelled file ignores a late done', [add('a'), { type: 'start', id: 'a' }, { type: 'cancel', id: 'a' }, { type: 'done', id: 'a' }], { a: 'cancelled' }],
    ['retry a failed file', [add('a'), { type: 'start', id: 'a' }, { type: 'failed', id: 'a', code: 'X', message: 'x' }, { type: 'retry', id: 'a' }], { a: 'waiting' }],
    ['retry a cancelled file', [add('a'), { type: 'cancel', id: 'a' }, { type: 'retry', id: 'a' }], { a: 'waiting' }],
    ['a running file cannot be retried', [add('a'), { type: 'start', id: 'a' }, { type: 'retry', id: 'a' }], { a: 'uploading' }],
    ['clear keeps only active files', [add('a', 'b', 'c'), { type: 'start', id: 'a' }, { type: 'done', id: 'a' }, { type: 'cancel', id: 'b' }, { type: 'clearFinished' }], { c: 'waiting' }],
  ])('%s', (_name, actions, expected) => {
    expect(statusOf(run(actions))).toEqual(expected);
  });

  it('records progress only while uploading, capped at the size', () => {
    const items = run([add('a'), { type: 'start', id: 'a' }, { type: 'progress', id: 'a', loaded: 40, speed: 10 }]);
    expect(items[0]).toMatchObject({ loaded: 40, speed: 10 });
    expect(percentOf(items[0] as UploadItem)).toBe(40);
    expect(uploadReducer(items, { type: 'progress', id: 'a', loaded: 500, speed: 1 })[0]).toMatchObject({ loaded: 100 });
    const cancelled = uploadReducer(items, { type: 'cancel', id: 'a' });
    expect(uploadReducer(cancelled, { type: 'progress', id: 'a', loaded: 90, speed: 1 })[0]).toMatchObject({ loaded: 40, status: 'cancelled' });
  });

  it('keeps the COS error of a failed file and drops it on retry', () => {
    const failed = run([add('a'), { type: 'start', id: 'a' }, { type: 'failed', id: 'a', code: 'AccessDenied', message: 'Access Denied.' }]);
    expect(failed[0]?.error).toEqual({ code: 'AccessDenied', message: 'Access Denied.' });
    expect(uploadReducer(failed, { type: 'retry', id: 'a' })[0]?.error).toBeUndefined();
  });
});

describe('startable', () => {
  it('starts the oldest waiting files up to the limit', () => {
    const items = run([add('a', 'b', 'c', 'd'), { type: 'start', id: 'a' }]);
    expect(startable(items, 3).map((i) => i.id)).toEqual(['b', 'c']);
    expect(startable(items, 1)).toEqual([]);
  });
});

describe('summarize, percentOf and overwrites', () => {
  it('counts by state', () => {
    const items = run([add('a', 'b', 'c'), { type: 'start', id: 'a' }, { type: 'done', id: 'a' }, { type: 'start', id: 'b' }, { type: 'failed', id: 'b', code: 'X', message: 'x' }]);
    expect(summarize(items)).toEqual({ total: 3, active: 1, done: 1, failed: 1 });
    expect(percentOf(items[0] as UploadItem)).toBe(100);
  });
  it('names the files that would replace listed objects, once each', () => {
    expect(overwrites(['a.txt', 'b.txt', 'a.txt'], new Set(['a.txt', 'c.txt']))).toEqual(['a.txt']);
    expect(overwrites(['new.txt'], new Set(['a.txt']))).toEqual([]);
  });
});
