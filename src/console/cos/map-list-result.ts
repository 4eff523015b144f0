// Maps the SDK's getBucket (GET Bucket, https://cloud.tencent.com/document/product/436/7734) result
// to our ListObjectsPage. The SDK keeps every XML value a string (IsTruncated === 'true', Size '12').
import type { CosObjectSummary, ListObjectsPage } from './cos-client';

export interface RawListResult {
  Contents?: readonly { Key?: string; Size?: string; LastModified?: string; ETag?: string; StorageClass?: string }[];
  CommonPrefixes?: readonly { Prefix?: string }[];
  IsTruncated?: string;
  NextMarker?: string;
}

export function mapListResult(raw: RawListResult): ListObjectsPage {
  const objects: CosObjectSummary[] = (raw.Contents ?? []).map((c) => ({
    key: c.Key ?? '',
    size: Number(c.Size ?? 0),
    lastModified: c.LastModified ?? '',
    etag: c.ETag ?? '',
    storageClass: c.StorageClass ?? 'STANDARD',
  }));
  const prefixes = (raw.CommonPrefixes ?? []).flatMap((p) => (p.Prefix ? [p.Prefix] : []));
  const isTruncated = raw.IsTruncated === 'true';
  // COS returns NextMarker with a delimiter; without one, S3 semantics say: continue after the last
  // entry listed, which is the greater of the last key and the last common prefix.
  const lastKey = objects.at(-1)?.key ?? '';
  const lastPrefix = prefixes.at(-1) ?? '';
  const fallback = lastKey > lastPrefix ? lastKey : lastPrefix;
  const nextMarker = isTruncated ? raw.NextMarker || fallback || undefined : undefined;
  return { objects, prefixes, isTruncated, nextMarker };
}
