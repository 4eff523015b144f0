import { describe, expect, it } from 'vitest';
import { consoleCorsRule } from '../../../../shared/cors/console-rule';
import { validateReplication } from '../../../../shared/replication/validate';
import { buildReplicationProgressXml, buildReplicationXml, parseReplicationXml, type ReplicationConfiguration, type ReplicationRule } from '../../../../shared/xml/replication';
import {
  corsExposesReplicationStatus, destinationArn, destinationOf, destinationProblems, newWizardForm, overlapProblem, ownerRole,
  progressOf, refusalKey, replicationStatusOf, ruleOf, ruleProblems, suggestRuleId, withRule, withoutRule, type ReplicationWizardForm,
} from './replication-wizard';

const ROLE = 'qcs::cam::uin/100000000001:uin/100000000001';
const DEST = 'qcs::cos:ap-shanghai::backup-1250000000';
const SOURCE = { bucket: 'photos-1250000000', region: 'ap-guangzhou' };

const rule = (prefix: string | undefined, id?: string): ReplicationRule => ({
  status: 'Enabled', destination: { bucket: DEST }, ...(id === undefined ? {} : { id }), ...(prefix === undefined ? {} : { prefix }),
});
const config = (...rules: ReplicationRule[]): ReplicationConfiguration => ({ role: ROLE, rules });

const form = (change: Partial<ReplicationWizardForm> = {}): ReplicationWizardForm => ({
  destBucket: 'backup-1250000000', destRegion: 'ap-shanghai', scope: 'all', prefix: '', storageClass: '', deleteMarkers: true,
  enabled: true, id: 'rule-1', role: ROLE, ...change,
});

describe('destinationArn / destinationOf', () => {
  it.each([
    ['backup-1250000000', 'ap-shanghai', 'qcs::cos:ap-shanghai::backup-1250000000'],
    [' backup-1250000000 ', ' ap-beijing ', 'qcs::cos:ap-beijing::backup-1250000000'],
  ])('%s in %s → %s', (bucket, region, arn) => {
    expect(destinationArn(bucket, region)).toBe(arn);
    expect(destinationOf({ status: 'Enabled', destination: { bucket: arn } })).toEqual({ bucket: bucket.trim(), region: region.trim() });
  });

  it('reads the SDKs\' resource form too, and nothing else', () => {
    expect(destinationOf(rule('', 'x'))).toEqual({ bucket: 'backup-1250000000', region: 'ap-shanghai' });
    expect(destinationOf({ status: 'Enabled', destination: { bucket: 'qcs:id/0:cos:ap-chengdu:appid/1250000000:backup' } })).toEqual({ bucket: 'backup-1250000000', region: 'ap-chengdu' });
    expect(destinationOf({ status: 'Enabled', destination: { bucket: 'backup-1250000000' } })).toBeUndefined();
  });
});

describe('ownerRole', () => {
  it.each([
    [ROLE, ROLE],
    ['100000000001', ROLE],
    [' 100000000001 ', ROLE],
    ['qcs::cam::uin/100000000001:uin/200000000002', 'qcs::cam::uin/100000000001:uin/200000000002'],
    ['someone', ''],
    [undefined, ''],
  ])('%s → %s', (owner, role) => expect(ownerRole(owner)).toBe(role));
});

describe('suggestRuleId / newWizardForm', () => {
  it.each([
    [null, 'rule-1'],
    [config(rule('a/', 'x')), 'rule-2'],
    [config(rule('a/', 'rule-2')), 'rule-3'],
  ])('%j → %s', (c, id) => expect(suggestRuleId(c)).toBe(id));

  it('a first rule starts from the owner\'s Role; a further one from the configuration\'s Role and destination', () => {
    expect(newWizardForm(null, ROLE)).toMatchObject({ destBucket: '', destRegion: '', role: ROLE, scope: 'all', deleteMarkers: true, enabled: true });
    const other = 'qcs::cam::uin/100000000001:uin/300000000003';
    expect(newWizardForm({ role: other, rules: [rule('a/', 'x')] }, ROLE)).toMatchObject({ destBucket: 'backup-1250000000', destRegion: 'ap-shanghai', role: other, id: 'rule-2' });
  });
});

describe('overlapProblem', () => {
  it.each([
    ['logs/', [], undefined],
    ['logs/', [rule('img/', 'a')], undefined],
    ['logs/', [rule('', 'a')], { key: 'overlapAll', values: { id: 'a' } }],
    ['logs/', [rule(undefined)], { key: 'overlapAll', values: { id: '#1' } }],
    ['', [rule('img/', 'a')], { key: 'coversAll', values: { id: 'a', prefix: 'img/' } }],
    ['logs/2024/', [rule('img/', 'a'), rule('logs/', 'b')], { key: 'overlapPrefix', values: { id: 'b', prefix: 'logs/' } }],
    ['logs/', [rule('logs/2024/', 'c')], { key: 'overlapPrefix', values: { id: 'c', prefix: 'logs/2024/' } }],
    ['logs', [rule('logs/', 'd')], { key: 'overlapPrefix', values: { id: 'd', prefix: 'logs/' } }],
  ] as const)('%j against %j', (prefix, rules, expected) => {
    const got = overlapProblem(prefix, [...rules]);
    expect(got === undefined ? undefined : { key: got.key, values: got.values }).toEqual(expected);
    // The same verdict as the check COS (cos-local) makes on the whole configuration.
    const all = config(...rules, { ...rule(prefix, 'new') });
    expect(validateReplication(all)?.message.includes('overlap') ?? false).toBe(expected !== undefined);
  });
});

describe('destinationProblems', () => {
  it.each([
    [form(), null, []],
    [form({ destBucket: '' }), null, ['destBucket:required']],
    [form({ destBucket: 'backup' }), null, ['destBucket:bucketName']],
    [form({ destBucket: 'Backup-1250000000' }), null, ['destBucket:bucketName']],
    [form({ destRegion: '' }), null, ['destRegion:required']],
    [form({ destRegion: 'Shanghai' }), null, ['destRegion:region']],
    [form({ destBucket: 'photos-1250000000', destRegion: 'ap-guangzhou' }), null, ['destBucket:sameBucket']],
    [form(), config(rule('a/', 'x')), []],
    [form({ destBucket: 'other-1250000000' }), config(rule('a/', 'x')), ['destBucket:otherDestination']],
  ])('%j with %j', (f, c, expected) => {
    expect(destinationProblems(f, SOURCE, c).map((p) => `${p.field}:${p.key}`)).toEqual(expected);
  });
});

describe('ruleProblems', () => {
  it.each([
    [form(), null, []],
    [form({ scope: 'prefix', prefix: '' }), null, ['prefix:prefixRequired']],
    [form({ scope: 'prefix', prefix: 'logs/' }), config(rule('', 'x')), ['prefix:overlapAll']],
    [form({ scope: 'all' }), config(rule('img/', 'x')), ['prefix:coversAll']],
    [form({ id: 'x', scope: 'prefix', prefix: 'logs/' }), config(rule('img/', 'x')), ['id:idTaken']],
    [form({ id: 'a'.repeat(256) }), null, ['id:idTooLong']],
    [form({ id: '' }), null, []],
    [form({ role: '100000000001' }), null, ['role:role']],
  ])('%j with %j', (f, c, expected) => {
    expect(ruleProblems(f, c).map((p) => `${p.field}:${p.key}`)).toEqual(expected);
  });
});

describe('ruleOf / withRule / withoutRule', () => {
  it.each([
    [form(), { id: 'rule-1', status: 'Enabled', prefix: '', destination: { bucket: DEST }, deleteMarkerReplication: 'Enabled' }],
    [
      form({ scope: 'prefix', prefix: 'logs/', storageClass: 'STANDARD_IA', deleteMarkers: false, enabled: false, id: ' r ' }),
      { id: 'r', status: 'Disabled', prefix: 'logs/', destination: { bucket: DEST, storageClass: 'STANDARD_IA' }, deleteMarkerReplication: 'Disabled' },
    ],
    [form({ scope: 'all', prefix: 'ignored/', id: '' }), { status: 'Enabled', prefix: '', destination: { bucket: DEST }, deleteMarkerReplication: 'Enabled' }],
  ])('%j → %j', (f, expected) => {
    expect(ruleOf(f)).toEqual(expected);
    // What the wizard builds is a configuration COS accepts, and it reads back the same.
    const c = withRule(null, f);
    expect(validateReplication(c)).toBeUndefined();
    const back = parseReplicationXml(buildReplicationXml(c));
    expect(back.ok && back.value.rules[0]?.destination).toEqual(expected.destination);
    expect(back.ok && (back.value.rules[0]?.prefix ?? '')).toBe(expected.prefix);
  });

  it('adds after the existing rules with the form\'s Role, and removes down to nothing', () => {
    const c = withRule(config(rule('img/', 'a')), form({ scope: 'prefix', prefix: 'logs/', id: 'b' }));
    expect(c.rules.map((r) => r.id)).toEqual(['a', 'b']);
    expect(c.role).toBe(ROLE);
    expect(withoutRule(c, 0)?.rules.map((r) => r.id)).toEqual(['b']);
    expect(withoutRule(config(rule('img/', 'a')), 0)).toBeNull();
  });
});

describe('refusalKey', () => {
  it.each([
    // cos-local's refusals (src/cos-local/ops/replication.ts).
    ['InvalidRequest', "Versioning must be 'Enabled' on the bucket to apply a replication configuration.", 'versioningSource'],
    ['InvalidRequest', 'Destination bucket must have versioning enabled.', 'versioningDestination'],
    ['InvalidRequest', `Destination bucket must exist: ${DEST}.`, 'destinationMissing'],
    ['InvalidRequest', 'Destination bucket cannot be the same as the source bucket.', 'sameBucket'],
    ['InvalidArgument', "Role must be an identity of the bucket owner's account (qcs::cam::uin/<OwnerUin>:uin/<SubUin>).", 'roleNotOwner'],
    ['AccessDenied', `The Role ${ROLE} may not write the destination bucket backup-1250000000.`, 'roleDenied'],
    ['InvalidArgument', 'Rule prefixes overlap: "a" and "a/b".', 'overlap'],
    ['InvalidArgument', 'All rules must replicate to the same destination bucket.', 'otherDestination'],
    ['NotImplemented', 'Replicating into ARCHIVE (read after a restore) is not implemented by cos-local.', 'archive'],
    // Anything else keeps the generic explanation.
    ['AccessDenied', 'Access Denied.', undefined],
    ['MalformedXML', 'versioning', undefined],
    ['InvalidRequest', 'Something else.', undefined],
  ])('%s %s → %s', (code, message, key) => expect(refusalKey(code, message)).toBe(key));
});

describe('replicationStatusOf', () => {
  it.each([
    [{ 'x-cos-replication-status': 'COMPLETED' }, 'COMPLETED'],
    [{ 'x-cos-replication-status': 'pending' }, 'PENDING'],
    [{ 'x-cos-replication-status': 'FAILED' }, 'FAILED'],
    [{ 'x-cos-replication-status': 'REPLICA' }, 'REPLICA'],
    [{ 'x-cos-replication-status': 'odd' }, 'none'],
    [{}, 'none'],
  ])('%j → %s', (headers, status) => expect(replicationStatusOf(headers)).toBe(status));
});

describe('progressOf', () => {
  it('reads cos-local\'s counters, and nothing from an endpoint without them', () => {
    const rows = [{ id: 'rule-1', pending: 1, completed: 2, failed: 0, lastCompleted: '2024-01-02T03:04:05.000Z' }, { id: '#2', pending: 0, completed: 0, failed: 3 }];
    expect(progressOf(buildReplicationProgressXml(rows))).toEqual(rows);
    expect(progressOf(undefined)).toBeUndefined();
    // Real COS ignores `&progress` and answers the configuration.
    expect(progressOf(buildReplicationXml(config(rule('', 'x'))))).toBeUndefined();
  });
});

describe('corsExposesReplicationStatus', () => {
  const origin = 'http://127.0.0.1:3000';
  const rule0 = consoleCorsRule(origin);
  it.each([
    [null, false],
    [{ rules: [{ ...rule0, exposeHeaders: ['ETag'] }] }, false],
    [{ rules: [{ ...rule0, exposeHeaders: ['ETag', 'x-cos-replication-status'] }] }, true],
    [{ rules: [{ ...rule0, exposeHeaders: ['X-COS-Replication-Status'] }] }, true],
    [{ rules: [{ ...rule0, exposeHeaders: ['*'] }] }, true],
    [{ rules: [{ ...rule0, allowedOrigins: ['http://127.0.0.1:*'], exposeHeaders: ['x-cos-replication-status'] }] }, true],
    [{ rules: [{ ...rule0, allowedOrigins: ['https://other.example'], exposeHeaders: ['*'] }] }, false],
    // The first matching rule is the one applied.
    [{ rules: [{ ...rule0, exposeHeaders: ['ETag'] }, { ...rule0, exposeHeaders: ['*'] }] }, false],
  ])('%j → %s', (cors, expected) => expect(corsExposesReplicationStatus(cors, origin)).toBe(expected));
});
