import { describe, expect, it } from 'vitest';
import type { ReplicationConfiguration, ReplicationRule } from '../xml/replication';
import { checkDestination, parseDestination, parseRole, replicatesDeleteMarkers, ruleKey, rulesFor, validateReplication } from './validate';

const DEST = 'qcs::cos:ap-beijing::backup-1250000000';
const rule = (r: Partial<ReplicationRule> = {}): ReplicationRule => ({ status: 'Enabled', destination: { bucket: DEST }, ...r });
const config = (...rules: ReplicationRule[]): ReplicationConfiguration => ({ role: 'qcs::cam::uin/100000000001:uin/100000000001', rules });

describe('replication rule syntax', () => {
  it('parses destinations in the doc form and the C++ SDK sample form', () => {
    expect(parseDestination(DEST)).toEqual({ region: 'ap-beijing', bucket: 'backup-1250000000' });
    expect(parseDestination('qcs::cos:ap-guangzhou:uid/1250000000:dst-1250000000')).toEqual({ region: 'ap-guangzhou', bucket: 'dst-1250000000' });
    expect(parseDestination('qcs::cos:ap-beijing::backup')).toBeUndefined();
    expect(parseDestination('backup-1250000000')).toBeUndefined();
  });

  it.each([
    ['the doc form', 'qcs::cos:ap-beijing::backup-1250000000', 'ap-beijing', 'backup-1250000000'],
    ['the doc form with uid/<APPID>', 'qcs::cos:ap-beijing:uid/1250000000:backup-1250000000', 'ap-beijing', 'backup-1250000000'],
    ['the resource form (short name)', 'qcs:id/0:cos:ap-beijing:appid/1250000000:backup', 'ap-beijing', 'backup-1250000000'],
    ['the resource form, a name with digits', 'qcs:id/0:cos:ap-beijing-1:appid/1250000000:logs-2024', 'ap-beijing-1', 'logs-2024-1250000000'],
    ['an fsi region', 'qcs:id/0:cos:ap-shanghai-fsi:appid/1250000000:backup', 'ap-shanghai-fsi', 'backup-1250000000'],
  ])('resolves %s', (_name, arn, region, bucket) => {
    expect(checkDestination(arn)).toEqual({ ok: true, ref: { region, bucket } });
  });

  it.each([
    ['a uid that is not the name\'s APPID', 'qcs::cos:ap-beijing:uid/1250000001:backup-1250000000', /wrong APPID/],
    ['a non-numeric appid', 'qcs:id/0:cos:ap-beijing:appid/abc:backup', /wrong APPID/],
    ['uid/ in the resource form', 'qcs:id/0:cos:ap-beijing:uid/1250000000:backup', /wrong APPID/],
    ['an empty appid segment in the resource form', 'qcs:id/0:cos:ap-beijing::backup', /wrong APPID/],
    ['a region with the cos. prefix', 'qcs::cos:cos.ap-beijing::backup-1250000000', /unknown region format/],
    ['a capitalised region', 'qcs:id/0:cos:AP-Beijing:appid/1250000000:backup', /unknown region format/],
    ['a region without a dash', 'qcs:id/0:cos:beijing:appid/1250000000:backup', /unknown region format/],
    ['an empty region', 'qcs::cos:::backup-1250000000', /unknown region format/],
    ['no APPID on the name in the doc form', 'qcs::cos:ap-beijing::backup', /<BucketName>-<APPID>/],
    ['no bucket in the resource form', 'qcs:id/0:cos:ap-beijing:appid/1250000000:', /bucket name is missing/],
    ['the bucket alone', 'backup-1250000000', /six colon-separated parts/],
    ['a missing appid segment', 'qcs:id/0:cos:ap-beijing:backup', /six colon-separated parts/],
    ['a trailing path', 'qcs::cos:ap-beijing::backup-1250000000:x', /six colon-separated parts/],
    ['another service', 'qcs::cam:ap-beijing::backup-1250000000', /six colon-separated parts/],
    ['another id', 'qcs:id/1:cos:ap-beijing:appid/1250000000:backup', /qcs::cos or qcs:id\/0:cos/],
  ])('refuses %s', (_name, arn, reason) => {
    const r = checkDestination(arn);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
    expect(parseDestination(arn)).toBeUndefined();
  });

  it('parses roles', () => {
    expect(parseRole('qcs::cam::uin/100000000001:uin/100000000011')).toEqual({ ownerUin: '100000000001', uin: '100000000011' });
    expect(parseRole('qcs::cam::anyone:anyone')).toBeUndefined();
  });

  it.each([
    ['one rule', config(rule({ prefix: 'sync/' }))],
    ['disjoint prefixes', config(rule({ id: 'a', prefix: 'a/' }), rule({ id: 'b', prefix: 'b/', deleteMarkerReplication: 'Disabled' }))],
    ['the SDK doc sample class spelling', config(rule({ destination: { bucket: DEST, storageClass: 'Standard' } }))],
    ['a priority', config(rule({ priority: '1' }))],
    ['the resource form', config(rule({ destination: { bucket: 'qcs:id/0:cos:ap-beijing:appid/1250000000:backup' } }))],
    ['both forms naming the same bucket', config(rule({ prefix: 'a/' }), rule({ prefix: 'b/', destination: { bucket: 'qcs:id/0:cos:ap-beijing:appid/1250000000:backup' } }))],
  ])('accepts %s', (_name, c) => {
    expect(validateReplication(c)).toBeUndefined();
  });

  it.each([
    ['a bad role', { ...config(rule()), role: 'admin' }, 'InvalidArgument'],
    ['a bad status', config(rule({ status: 'on' })), 'MalformedXML'],
    ['a bad marker status', config(rule({ deleteMarkerReplication: 'yes' })), 'MalformedXML'],
    ['a bad destination', config(rule({ destination: { bucket: 'backup' } })), 'InvalidArgument'],
    ['an unknown class', config(rule({ destination: { bucket: DEST, storageClass: 'COLD' } })), 'InvalidArgument'],
    ['an archive class', config(rule({ destination: { bucket: DEST, storageClass: 'DEEP_ARCHIVE' } })), 'NotImplemented'],
    ['overlapping prefixes', config(rule({ prefix: 'a/' }), rule({ prefix: 'a/b/' })), 'InvalidArgument'],
    ['an empty prefix next to another rule', config(rule(), rule({ prefix: 'x/' })), 'InvalidArgument'],
    ['two destinations', config(rule({ prefix: 'a/' }), rule({ prefix: 'b/', destination: { bucket: 'qcs::cos:ap-beijing::other-1250000000' } })), 'InvalidArgument'],
    ['repeated IDs', config(rule({ id: 'x', prefix: 'a/' }), rule({ id: 'x', prefix: 'b/' })), 'InvalidArgument'],
    ['a bad priority', config(rule({ priority: 'high' })), 'InvalidArgument'],
    ['more than 1000 rules', config(...Array.from({ length: 1001 }, (_, i) => rule({ prefix: `p${String(i).padStart(4, '0')}/` }))), 'MalformedXML'],
  ])('refuses %s', (_name, c, code) => {
    expect(validateReplication(c)?.code).toBe(code);
  });

  it('finds the enabled rule for a key and names rules without ID by position', () => {
    const c = config(rule({ id: 'logs', prefix: 'logs/' }), rule({ prefix: 'img/', status: 'Disabled' }), rule({ prefix: 'doc/' }));
    expect(rulesFor(c, 'logs/a').map((r) => r.key)).toEqual(['logs']);
    expect(rulesFor(c, 'img/a')).toEqual([]);
    expect(rulesFor(c, 'doc/a').map((r) => r.key)).toEqual(['#3']);
    expect(ruleKey(rule(), 0)).toBe('#1');
    expect(replicatesDeleteMarkers(rule())).toBe(true);
    expect(replicatesDeleteMarkers(rule({ deleteMarkerReplication: 'Disabled' }))).toBe(false);
  });
});
