// PUT/GET Bucket versioning (436/19889, 436/19888) and GET Bucket Object versions (436/35521).
import { CosError } from '../../shared/errors/cos-error';
import { lastModifiedIso } from '../../shared/xml/list-bucket';
import { buildListVersionsXml, type VersionEntry } from '../../shared/xml/list-versions';
import { buildVersioningXml, parseVersioningXml } from '../../shared/xml/versioning';
import { readSmallBody } from '../body';
import type { OpHandler } from '../context';
import type { VersionRecord } from '../store/types';
import { loadReplication } from '../replication/hooks';
import { VERSIONING_CONFIG } from '../versioning';
import { bucketOf, param } from './common';
import { maxKeys } from './list';

export const putBucketVersioning: OpHandler = async (ctx) => {
  const bucket = bucketOf(ctx);
  const parsed = parseVersioningXml((await readSmallBody(ctx.req)).toString('utf8'));
  if (!parsed.ok) throw new CosError('MalformedXML', { message: parsed.reason });
  // "If the bucket has enabled replication rules, they must be turned off before versioning can be
  // suspended" (436/19889, 细节分析). The page names no error code: InvalidRequest, as for the other
  // versioning requirements of replication (ops/replication.ts); docs/cos-behaviour.md "Replication".
  if (parsed.value === 'Suspended' && (loadReplication(ctx.store.meta, bucket.name)?.rules ?? []).some((r) => r.status === 'Enabled')) {
    throw new CosError('InvalidRequest', { message: 'Versioning cannot be suspended while the bucket has enabled replication rules; delete or disable them first.' });
  }
  ctx.store.meta.putConfig(bucket.name, VERSIONING_CONFIG, parsed.value);
  return {};
};

export const getBucketVersioning: OpHandler = async (ctx) => {
  const status = ctx.store.meta.getConfig(bucketOf(ctx).name, VERSIONING_CONFIG);
  return { xml: buildVersioningXml(status === 'Enabled' || status === 'Suspended' ? status : undefined) };
};

export const getBucketObjectVersions: OpHandler = async (ctx) => {
  const bucket = bucketOf(ctx);
  const encodingType = param(ctx, 'encoding-type');
  if (encodingType !== undefined && encodingType !== 'url') throw new CosError('InvalidArgument', { message: 'Invalid encoding-type; only url is supported.' });
  const prefix = param(ctx, 'prefix') ?? '';
  const delimiter = param(ctx, 'delimiter') ?? '';
  const keyMarker = param(ctx, 'key-marker') ?? '';
  const versionIdMarker = param(ctx, 'version-id-marker') ?? '';
  if (versionIdMarker !== '' && keyMarker === '') {
    throw new CosError('InvalidArgument', { message: 'A version-id marker cannot be specified without a key marker.' });
  }
  const limit = maxKeys(param(ctx, 'max-keys'));
  const page = ctx.store.meta.listVersions(bucket.name, { prefix, delimiter, keyMarker, versionIdMarker, maxKeys: limit });
  const owner = { id: bucket.appId, displayName: bucket.appId };
  const entry = (v: VersionRecord): VersionEntry => ({
    key: v.key, versionId: v.versionId, isLatest: v.isLatest, lastModified: lastModifiedIso(v.lastModified), owner,
    ...(v.deleteMarker ? {} : { etag: v.etag, size: v.size, storageClass: v.storageClass }),
  });
  const xml = buildListVersionsXml({
    name: bucket.name,
    ...(encodingType === undefined ? {} : { encodingType }),
    prefix, keyMarker, versionIdMarker, maxKeys: limit,
    ...(delimiter === '' ? {} : { delimiter }),
    isTruncated: page.isTruncated,
    ...(page.nextKeyMarker === undefined ? {} : { nextKeyMarker: page.nextKeyMarker }),
    ...(page.nextVersionIdMarker === undefined ? {} : { nextVersionIdMarker: page.nextVersionIdMarker }),
    commonPrefixes: page.commonPrefixes,
    versions: page.versions.filter((v) => !v.deleteMarker).map(entry),
    deleteMarkers: page.versions.filter((v) => v.deleteMarker).map(entry),
  });
  return { headers: { 'x-cos-bucket-region': bucket.region }, xml };
};
