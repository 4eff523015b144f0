import { describe, expect, it } from 'vitest';
import { consoleCorsRule } from '../../../../shared/cors/console-rule';
import type { DocumentSettings, SettingName, Settings } from '../../../../shared/settings/document';
import { planSettings } from '../../../../shared/settings/plan';
import type { CorsConfiguration } from '../../../../shared/xml/cors';
import type { ReplicationConfiguration } from '../../../../shared/xml/replication';
import {
  applySteps, applyTotals, bucketOutcome, consoleWarnings, exportDocument, parseDocumentText, runSteps,
  type ApplyStep, type BucketOutcome, type StepResult,
} from './apply-settings';

const ORIGIN = 'http://127.0.0.1:3000';
const withConsole: CorsConfiguration = { rules: [consoleCorsRule(ORIGIN)] };
const other: CorsConfiguration = { rules: [{ allowedOrigins: ['http://other.example'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }] };
const replication: ReplicationConfiguration = {
  role: 'qcs::cam::uin/1:uin/1',
  rules: [{ status: 'Enabled', destination: { bucket: 'qcs::cos:ap-beijing::backup-1250000000' } }],
};
const index = { indexDocument: { suffix: 'index.html' } };

describe('applySteps', () => {
  it.each<[string, Partial<Settings>, DocumentSettings, [SettingName, 'put' | 'delete'][]]>([
    ['nothing to do', { cors: withConsole }, { cors: withConsole }, []],
    ['versioning is written before replication is put', { versioning: null, replication: null }, { replication, versioning: 'Enabled' },
      [['versioning', 'put'], ['replication', 'put']]],
    ['a replication delete goes before versioning is suspended', { versioning: 'Enabled', replication }, { versioning: 'Suspended', replication: null },
      [['replication', 'delete'], ['versioning', 'put']]],
    ['CORS is written last', { cors: withConsole, website: null, tagging: null }, { cors: { rules: [...withConsole.rules, ...other.rules] }, website: index, tagging: [{ key: 'a', value: '1' }] },
      [['website', 'put'], ['tagging', 'put'], ['cors', 'put']]],
    ['deletes and puts keep the document order otherwise', { website: index, lifecycle: null, encryption: { rules: [{ applyByDefault: { sseAlgorithm: 'AES256' } }] } },
      { encryption: null, website: null, lifecycle: { rules: [{ filter: { kind: 'all' }, status: 'Enabled', transitions: [], expiration: { days: '1' }, noncurrentVersionTransitions: [] }] } },
      [['website', 'delete'], ['lifecycle', 'put'], ['encryption', 'delete']]],
  ])('%s', (_, current, wanted, expected) => {
    const steps = applySteps(planSettings(current, wanted));
    expect(steps.map((s) => [s.setting, s.action])).toEqual(expected);
  });

  it('carries the value to put, and null for a delete', () => {
    const steps = applySteps(planSettings({ website: null, domain: { rules: [{ status: 'ENABLED', name: 'a.example', type: 'REST' }] } }, { website: index, domain: null }));
    expect(steps).toEqual([{ setting: 'website', action: 'put', value: index }, { setting: 'domain', action: 'delete', value: null }]);
  });
});

describe('runSteps', () => {
  const step = (setting: SettingName, action: 'put' | 'delete' = 'put'): ApplyStep => ({ setting, action, value: null });
  const describeError = (e: unknown) => ({ code: (e as { code: string }).code, message: 'refused' });

  it.each<[string, ApplyStep[], SettingName[], StepResult[]]>([
    ['every write succeeds', [step('versioning'), step('replication')], [],
      [{ setting: 'versioning', action: 'put', status: 'ok' }, { setting: 'replication', action: 'put', status: 'ok' }]],
    ['a failure is recorded and the next independent step still runs', [step('website'), step('tagging')], ['website'],
      [{ setting: 'website', action: 'put', status: 'failed', code: 'E-website', message: 'refused' }, { setting: 'tagging', action: 'put', status: 'ok' }]],
    ['replication is not put once versioning failed', [step('versioning'), step('replication'), step('cors')], ['versioning'], [
      { setting: 'versioning', action: 'put', status: 'failed', code: 'E-versioning', message: 'refused' },
      { setting: 'replication', action: 'put', status: 'skipped', after: 'versioning' },
      { setting: 'cors', action: 'put', status: 'ok' },
    ]],
    ['a replication delete does not need versioning', [step('replication', 'delete'), step('versioning')], ['versioning'], [
      { setting: 'replication', action: 'delete', status: 'ok' },
      { setting: 'versioning', action: 'put', status: 'failed', code: 'E-versioning', message: 'refused' },
    ]],
  ])('%s', async (_, steps, failing, expected) => {
    const written: SettingName[] = [];
    const reported: StepResult[] = [];
    const results = await runSteps(steps, async (s) => {
      written.push(s.setting);
      if (failing.includes(s.setting)) throw Object.assign(new Error('x'), { code: `E-${s.setting}` });
    }, describeError, (r) => reported.push(r));
    expect(results).toEqual(expected);
    expect(reported).toEqual(expected);
    // Skipped steps are never written; the others are, one at a time, in order.
    expect(written).toEqual(expected.filter((r) => r.status !== 'skipped').map((r) => r.setting));
  });
});

describe('bucketOutcome and applyTotals', () => {
  const ok: StepResult = { setting: 'cors', action: 'put', status: 'ok' };
  const failed: StepResult = { setting: 'website', action: 'put', status: 'failed', code: 'AccessDenied', message: '' };
  const skipped: StepResult = { setting: 'replication', action: 'put', status: 'skipped', after: 'versioning' };
  it.each<[StepResult[], BucketOutcome]>([
    [[], 'nothing'], [[ok, ok], 'ok'], [[ok, failed], 'partial'], [[failed, skipped], 'failed'], [[ok, skipped], 'partial'],
  ])('%j → %s', (results, expected) => {
    expect(bucketOutcome(results)).toBe(expected);
  });
  it('adds up every bucket', () => {
    expect(applyTotals([[ok, failed], [ok, skipped], []])).toEqual({ ok: 2, failed: 1, skipped: 1 });
  });
});

describe('consoleWarnings', () => {
  it.each<[string, Partial<Settings>, DocumentSettings, string[]]>([
    ['CORS untouched', { cors: other }, {}, []],
    ['CORS keeps the console rule', { cors: withConsole }, { cors: { rules: [...other.rules, ...withConsole.rules] } }, []],
    ['CORS without the console rule', { cors: withConsole }, { cors: other }, ['cors-locks-out-console']],
    ['CORS deleted', { cors: withConsole }, { cors: null }, ['cors-locks-out-console']],
  ])('%s', (_, current, wanted, expected) => {
    expect(consoleWarnings(planSettings(current, wanted), ORIGIN)).toEqual(expected);
  });
});

describe('exportDocument', () => {
  it('exports values, null for the deletable settings a bucket has none of, and leaves out the rest', () => {
    const doc = exportDocument({ cors: withConsole, referer: null, website: null, versioning: null, tagging: [], replication: undefined });
    expect(doc.settings).toEqual({ cors: withConsole, website: null, tagging: null });
  });

  it('is a document the parser accepts back as the same', () => {
    const doc = exportDocument({ cors: withConsole, versioning: 'Enabled', referer: { status: 'Disabled', refererType: 'White-List' }, website: index, domain: null });
    const back = parseDocumentText(JSON.stringify(doc));
    expect(back).toEqual({ ok: true, value: doc });
  });
});

describe('parseDocumentText', () => {
  it.each<[string, string, { path: string }[]]>([
    ['not JSON', '{ nope', [{ path: '' }]],
    ['a JSON array', '[]', [{ path: '' }]],
    ['a wrong format and an unknown setting', JSON.stringify({ format: 'x', version: 1, settings: { colour: 1 } }), [{ path: 'format' }, { path: 'settings.colour' }]],
    ['null versioning', JSON.stringify({ format: 'cos-console/bucket-settings', version: 1, settings: { versioning: null } }), [{ path: 'settings.versioning' }]],
  ])('%s', (_, text, paths) => {
    const r = parseDocumentText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => ({ path: e.path }))).toEqual(paths);
  });
});
