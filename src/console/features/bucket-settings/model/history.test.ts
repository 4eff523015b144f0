import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../../shared/api/history';
import type { CorsConfiguration } from '../../../../shared/xml/cors';
import { confirmedEntries, entryKindLabel, rollbackPlan, settingFilter, type RestorePoint, type RollbackPlan } from './history';

const cors = (origin: string): CorsConfiguration => ({ rules: [{ allowedOrigins: [origin], allowedMethods: ['GET'], allowedHeaders: ['*'], exposeHeaders: [] }] });
const A = cors('http://a.example');
const B = cors('http://b.example');

function entry(parts: Partial<HistoryEntry>): HistoryEntry {
  return { id: 7, bucket: 'b-1250000000', region: 'ap-guangzhou', setting: 'cors', actor: 'admin', at: 0, kind: 'change', state: 'confirmed', before: null, after: null, changed: true, ...parts };
}

describe('rollbackPlan', () => {
  it.each<[string, HistoryEntry, RestorePoint, unknown, RollbackPlan]>([
    ['restoring "before" puts the recorded value', entry({ before: A, after: B }), 'before', B, { kind: 'put', value: A }],
    ['restoring "after" puts what the change produced', entry({ before: A, after: B }), 'after', A, { kind: 'put', value: B }],
    ['the current value differs from both: still put', entry({ before: A, after: B }), 'before', cors('http://c.example'), { kind: 'put', value: A }],
    ['already the value to restore', entry({ before: A, after: B }), 'before', A, { kind: 'unchanged' }],
    ['same value in another key order is unchanged', entry({ before: { rules: [{ exposeHeaders: [], allowedHeaders: ['*'], allowedMethods: ['GET'], allowedOrigins: ['http://a.example'] }] } }), 'before', A, { kind: 'unchanged' }],
    ['restoring none deletes where COS can', entry({ before: null, after: B }), 'before', B, { kind: 'delete' }],
    ['restoring none is unchanged when there is none', entry({ before: null, after: B }), 'before', null, { kind: 'unchanged' }],
    ['an empty tag list is none: deleted', entry({ setting: 'tagging', before: [], after: [{ key: 'a', value: '1' }] }), 'before', [{ key: 'a', value: '1' }], { kind: 'delete' }],
    ['referer has no DELETE', entry({ setting: 'referer', before: null, after: { status: 'Enabled', refererType: 'White-List', domains: ['a'] } }), 'before',
      { status: 'Enabled', refererType: 'White-List', domains: ['a'] }, { kind: 'none-not-restorable' }],
    ['versioning cannot go back to never enabled', entry({ setting: 'versioning', before: null, after: 'Enabled' }), 'before', 'Enabled', { kind: 'none-not-restorable' }],
    ['versioning can go back to suspended', entry({ setting: 'versioning', before: 'Suspended', after: 'Enabled' }), 'before', 'Enabled', { kind: 'put', value: 'Suspended' }],
    ['a pending entry has no "after"', entry({ state: 'pending', before: A, after: undefined, changed: undefined }), 'after', B, { kind: 'not-recorded' }],
    ['a pending entry still has its "before"', entry({ state: 'pending', before: A, after: undefined, changed: undefined }), 'before', B, { kind: 'put', value: A }],
  ])('%s', (_, e, point, current, expected) => {
    expect(rollbackPlan(e, point, current)).toEqual(expected);
  });
});

describe('confirmedEntries', () => {
  it('keeps the confirmed entries in their order', () => {
    const list = [entry({ id: 3 }), entry({ id: 2, state: 'pending' }), entry({ id: 1 })];
    expect(confirmedEntries(list).map((e) => e.id)).toEqual([3, 1]);
  });
});

describe('settingFilter', () => {
  it.each<[string | null, string | undefined]>([
    ['cors', 'cors'], ['policy', 'policy'], [null, undefined], ['', undefined], ['hotlink', undefined], ['CORS', undefined],
  ])('%s → %s', (raw, expected) => {
    expect(settingFilter(raw)).toBe(expected);
  });
});

describe('entryKindLabel', () => {
  it.each<[Partial<HistoryEntry>, ReturnType<typeof entryKindLabel>]>([
    [{ kind: 'change' }, { key: 'change' }],
    [{ kind: 'apply' }, { key: 'apply' }],
    [{ kind: 'rollback', rollbackOf: 4 }, { key: 'rollback', of: 4 }],
    [{ kind: 'rollback' }, { key: 'rollbackUnknown' }],
  ])('%j', (parts, expected) => {
    expect(entryKindLabel(entry(parts))).toEqual(expected);
  });
});
