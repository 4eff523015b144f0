// GET Service (List Buckets). Doc: https://cloud.tencent.com/document/product/436/8291
// Lists the caller's own buckets; through `cos.<region>.<suffix>` only that region's; with
// `tagkey` (and `tagvalue`) only the buckets carrying that tag (436/8291).
import { CosError } from '../../shared/errors/cos-error';
import { buildListAllMyBucketsXml, creationDate } from '../../shared/xml/service';
import type { OpHandler } from '../context';
import { ownerId } from '../principal';
import { bucketTags } from '../authz/bucket-state';

export const getService: OpHandler = async (ctx) => {
  if (ctx.principal.kind === 'anonymous') throw new CosError('AccessDenied');
  const account = ctx.principal.account;
  const region = ctx.route.region;
  const tagKey = ctx.route.query.get('tagkey');
  const tagValue = ctx.route.query.get('tagvalue');
  if (tagValue !== undefined && tagKey === undefined) throw new CosError('InvalidArgument', { message: 'tagvalue needs tagkey.' });
  const tagged = (bucket: string): boolean => tagKey === undefined || bucketTags(ctx.store.meta, bucket)
    .some((t) => t.key === tagKey && (tagValue === undefined || t.value === tagValue));
  const buckets = ctx.store.meta.listBuckets(account.appId)
    .filter((b) => (region === undefined || b.region === region) && tagged(b.name));
  return {
    xml: buildListAllMyBucketsXml({
      owner: { id: ownerId(account), displayName: account.uin },
      buckets: buckets.map((b) => ({ name: b.name, location: b.region, creationDate: creationDate(b.createdAt) })),
    }),
  };
};
