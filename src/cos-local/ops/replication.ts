// PUT/GET/DELETE Bucket replication (436/19223, 436/19222, 436/19221). The configuration is checked and
// stored as its parsed model, so GET returns what was put; the copying is done by the replicator
// (src/cos-local/replication/). PUT refuses what could never replicate:
// - versioning must be enabled on the source ("ensure that versioning is enabled", 436/19223) and on the
//   destination ("需确保源存储桶和目标存储桶已经开启版本控制", cloud.tencent.com 436/19223) — InvalidRequest,
//   S3's code and wording for both;
// - the destination must exist in the region it names, and differ from the source — InvalidRequest;
// - the Role must be an identity of the source bucket's owner (a rule never acts as another account)
//   that may write the destination (replication/role.ts) — InvalidArgument / AccessDenied.
// cos-local only: `GET /?replication&progress` answers the replicator's per-rule counters
// (`ReplicationProgress{Rule*{ID, Pending, Completed, Failed, LastCompleted?}}`, shared/xml/replication.ts);
// real COS ignores the extra parameter and answers the configuration.
import { CosError } from '../../shared/errors/cos-error';
import { parseDestination, parseRole, validateReplication } from '../../shared/replication/validate';
import { buildReplicationProgressXml, buildReplicationXml, parseReplicationXml, type ReplicationConfiguration } from '../../shared/xml/replication';
import { readSmallBody } from '../body';
import type { OpContext, OpHandler } from '../context';
import { REPLICATION_CONFIG, loadReplication } from '../replication/hooks';
import { replicationProgress } from '../replication/progress';
import { roleMay } from '../replication/role';
import { versioningMode } from '../versioning';
import { bucketOf, param } from './common';

/** 1000 rules take more than the 64 KB of other configurations. */
const MAX_REPLICATION_BODY = 2 * 1024 * 1024;

function checkBuckets(ctx: OpContext, config: ReplicationConfiguration): void {
  const source = bucketOf(ctx);
  const meta = ctx.store.meta;
  if (versioningMode(meta, source.name) !== 'enabled') {
    throw new CosError('InvalidRequest', { message: "Versioning must be 'Enabled' on the bucket to apply a replication configuration." });
  }
  const role = parseRole(config.role);
  const owner = ctx.accounts.accountOf(source.appId);
  if (!role || !owner || role.ownerUin !== owner.uin) {
    throw new CosError('InvalidArgument', { message: 'Role must be an identity of the bucket owner\'s account (qcs::cam::uin/<OwnerUin>:uin/<SubUin>).' });
  }
  for (const rule of config.rules) {
    const ref = parseDestination(rule.destination.bucket);
    const dest = ref && meta.getBucket(ref.bucket);
    if (!ref || !dest || dest.region !== ref.region) throw new CosError('InvalidRequest', { message: `Destination bucket must exist: ${rule.destination.bucket}.` });
    if (dest.name === source.name) throw new CosError('InvalidRequest', { message: 'Destination bucket cannot be the same as the source bucket.' });
    if (versioningMode(meta, dest.name) !== 'enabled') throw new CosError('InvalidRequest', { message: 'Destination bucket must have versioning enabled.' });
    if (!roleMay(ctx, config.role, 'PutObject', dest, rule.prefix ?? '')) {
      throw new CosError('AccessDenied', { message: `The Role ${config.role} may not write the destination bucket ${dest.name}.` });
    }
  }
}

export const putBucketReplication: OpHandler = async (ctx) => {
  const bucket = bucketOf(ctx);
  const parsed = parseReplicationXml((await readSmallBody(ctx.req, MAX_REPLICATION_BODY)).toString('utf8'));
  if (!parsed.ok) throw new CosError(parsed.unsupported ? 'NotImplemented' : 'MalformedXML', { message: parsed.reason });
  const problem = validateReplication(parsed.value);
  if (problem) throw new CosError(problem.code, { message: problem.message });
  checkBuckets(ctx, parsed.value);
  ctx.store.meta.putConfig(bucket.name, REPLICATION_CONFIG, JSON.stringify(parsed.value));
  return {};
};

export const getBucketReplication: OpHandler = async (ctx) => {
  const name = bucketOf(ctx).name;
  if (param(ctx, 'progress') !== undefined) return { xml: buildReplicationProgressXml(replicationProgress(ctx.store.meta, name)) };
  const config = loadReplication(ctx.store.meta, name);
  // A 404 the SDKs report as an error, as real COS's is (see cos-error.ts).
  if (!config) throw new CosError('ReplicationConfigurationNotFoundError');
  return { xml: buildReplicationXml(config) };
};

/** Copies already queued still happen (each task carries its destination); new writes are no longer queued. */
export const deleteBucketReplication: OpHandler = async (ctx) => {
  ctx.store.meta.deleteConfig(bucketOf(ctx).name, REPLICATION_CONFIG);
  return { status: 204 };
};
