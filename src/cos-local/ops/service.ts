// GET Service (List Buckets). Doc: https://cloud.tencent.com/document/product/436/8291
// Lists the caller's own buckets; through `cos.<region>.<suffix>` only that region's.
import { CosError } from '../../shared/errors/cos-error';
import { buildListAllMyBucketsXml, creationDate } from '../../shared/xml/service';
import type { OpHandler } from '../context';
import { ownerId } from '../principal';

export const getService: OpHandler = async (ctx) => {
  if (ctx.principal.kind === 'anonymous') throw new CosError('AccessDenied');
  const account = ctx.principal.account;
  const region = ctx.route.region;
  const buckets = ctx.store.meta.listBuckets(account.appId).filter((b) => region === undefined || b.region === region);
  return {
    xml: buildListAllMyBucketsXml({
      owner: { id: ownerId(account), displayName: account.uin },
      buckets: buckets.map((b) => ({ name: b.name, location: b.region, creationDate: creationDate(b.createdAt) })),
    }),
  };
};
