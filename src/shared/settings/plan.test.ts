import { describe, expect, it } from 'vitest';
import type { CorsConfiguration } from '../xml/cors';
import type { LifecycleConfiguration } from '../xml/lifecycle';
import type { ReplicationConfiguration } from '../xml/replication';
import type { DocumentSettings, SettingName, Settings } from './document';
import { planSettings, type SettingAction, type SettingsWarningCode } from './plan';

const rule = (origin: string, methods = ['GET', 'HEAD']): CorsConfiguration['rules'][number] =>
  ({ allowedOrigins: [origin], allowedMethods: methods, allowedHeaders: ['*'], exposeHeaders: [] });
const cors = (...rules: CorsConfiguration['rules']): CorsConfiguration => ({ rules });
const lifecycle = (...prefixes: string[]): LifecycleConfiguration => ({
  rules: prefixes.map((prefix) => ({ filter: { kind: 'prefix', prefix }, status: 'Enabled', transitions: [], expiration: { days: '7' }, noncurrentVersionTransitions: [] })),
});
const replication: ReplicationConfiguration = {
  role: 'qcs::cam::uin/1:uin/1',
  rules: [{ status: 'Enabled', destination: { bucket: 'qcs::cos:ap-beijing::backup-1250000000' } }],
};
const whiteList = { status: 'Enabled', refererType: 'White-List', domains: ['a.example', 'b.example'] };

interface Case {
  name: string;
  current: Partial<Settings>;
  wanted: DocumentSettings;
  actions: Partial<Record<SettingName, SettingAction>>;
  warnings?: SettingsWarningCode[];
}

const CASES: Case[] = [
  { name: 'an empty document touches nothing', current: { cors: cors(rule('*')), versioning: 'Enabled' }, wanted: {}, actions: { cors: 'unchanged', versioning: 'unchanged', tagging: 'unchanged' } },
  { name: 'a new setting is put', current: { website: null }, wanted: { website: { indexDocument: { suffix: 'index.html' } } }, actions: { website: 'put' } },
  { name: 'a setting not read from the bucket is put', current: {}, wanted: { encryption: { rules: [{ applyByDefault: { sseAlgorithm: 'AES256' } }] } }, actions: { encryption: 'put' } },
  { name: 'null deletes an existing setting', current: { lifecycle: lifecycle('logs/') }, wanted: { lifecycle: null }, actions: { lifecycle: 'delete' } },
  { name: 'null on a bucket that has none is unchanged', current: { domain: null }, wanted: { domain: null }, actions: { domain: 'unchanged' } },
  { name: 'key order does not matter', current: { website: { indexDocument: { suffix: 'i.html' }, errorDocument: { key: 'e.html' } } },
    wanted: { website: { errorDocument: { key: 'e.html' }, indexDocument: { suffix: 'i.html' } } }, actions: { website: 'unchanged' } },
  { name: 'tags are a set', current: { tagging: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }] },
    wanted: { tagging: [{ key: 'b', value: '2' }, { key: 'a', value: '1' }] }, actions: { tagging: 'unchanged' } },
  { name: 'a changed tag value is put', current: { tagging: [{ key: 'a', value: '1' }] }, wanted: { tagging: [{ key: 'a', value: '2' }] }, actions: { tagging: 'put' } },
  { name: 'the origins and methods of a CORS rule are sets', current: { cors: cors(rule('*', ['GET', 'HEAD'])) }, wanted: { cors: cors(rule('*', ['HEAD', 'GET'])) }, actions: { cors: 'unchanged' } },
  { name: 'CORS rules are ordered (first match wins)', current: { cors: cors(rule('a'), rule('b')) }, wanted: { cors: cors(rule('b'), rule('a')) }, actions: { cors: 'put' } },
  { name: 'lifecycle rules are ordered', current: { lifecycle: lifecycle('a/', 'b/') }, wanted: { lifecycle: lifecycle('b/', 'a/') }, actions: { lifecycle: 'put' } },
  { name: 'deleting CORS warns', current: { cors: cors(rule('*')) }, wanted: { cors: null }, actions: { cors: 'delete' }, warnings: ['cors-removed'] },
  { name: 'removing every CORS rule is a delete and warns', current: { cors: cors(rule('*')) }, wanted: { cors: cors() }, actions: { cors: 'delete' }, warnings: ['cors-removed'] },
  { name: 'deleting CORS the bucket does not have neither acts nor warns', current: { cors: null }, wanted: { cors: null }, actions: { cors: 'unchanged' } },
  { name: 'suspending versioning with current replication warns', current: { versioning: 'Enabled', replication }, wanted: { versioning: 'Suspended' },
    actions: { versioning: 'put', replication: 'unchanged' }, warnings: ['versioning-suspended-with-replication'] },
  { name: 'suspending versioning while adding replication warns', current: { versioning: 'Enabled', replication: null }, wanted: { versioning: 'Suspended', replication },
    actions: { versioning: 'put', replication: 'put' }, warnings: ['versioning-suspended-with-replication'] },
  { name: 'suspending versioning without replication does not warn', current: { versioning: 'Enabled', replication: null }, wanted: { versioning: 'Suspended' }, actions: { versioning: 'put' } },
  { name: 'versioning already suspended does not warn', current: { versioning: 'Suspended', replication }, wanted: { versioning: 'Suspended' }, actions: { versioning: 'unchanged' } },
  { name: 'turning hotlink protection on warns', current: { referer: { status: 'Disabled', refererType: 'White-List' } }, wanted: { referer: whiteList },
    actions: { referer: 'put' }, warnings: ['referer-enabled'] },
  { name: 'editing the list of an enabled referer does not warn', current: { referer: whiteList }, wanted: { referer: { ...whiteList, domains: ['c.example'] } }, actions: { referer: 'put' } },
  { name: 'referer domains are a set', current: { referer: whiteList }, wanted: { referer: { ...whiteList, domains: ['b.example', 'a.example'] } }, actions: { referer: 'unchanged' } },
  { name: 'several warnings at once', current: { cors: cors(rule('*')), versioning: 'Enabled', replication, referer: null },
    wanted: { cors: null, versioning: 'Suspended', referer: whiteList }, actions: { cors: 'delete', versioning: 'put', referer: 'put' },
    warnings: ['versioning-suspended-with-replication', 'cors-removed', 'referer-enabled'] },
];

describe('planSettings', () => {
  it.each(CASES)('$name', ({ current, wanted, actions, warnings = [] }) => {
    const plan = planSettings(current, wanted);
    expect(plan.changes.map((c) => c.setting)).toEqual(['cors', 'referer', 'website', 'domain', 'versioning', 'replication', 'lifecycle', 'tagging', 'encryption']);
    for (const c of plan.changes) expect([c.setting, c.action]).toEqual([c.setting, actions[c.setting] ?? 'unchanged']);
    expect(plan.warnings.map((w) => w.code)).toEqual(warnings);
  });

  it('gives before and after of each change', () => {
    const before = lifecycle('logs/');
    const after = lifecycle('tmp/');
    const plan = planSettings({ lifecycle: before, tagging: [{ key: 'a', value: '1' }] }, { lifecycle: after, tagging: null });
    const by = (s: SettingName) => plan.changes.find((c) => c.setting === s);
    expect(by('lifecycle')).toEqual({ setting: 'lifecycle', action: 'put', before, after });
    expect(by('tagging')).toEqual({ setting: 'tagging', action: 'delete', before: [{ key: 'a', value: '1' }], after: null });
    expect(by('cors')).toEqual({ setting: 'cors', action: 'unchanged', before: undefined, after: undefined });
  });
});
