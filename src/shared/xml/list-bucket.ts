// GET Bucket (List Objects) response. Doc: https://cloud.tencent.com/document/product/436/7734
// Element order follows the doc: Name, EncodingType, Prefix, Marker, MaxKeys, Delimiter,
// IsTruncated, NextMarker, CommonPrefixes*, Contents*. With `encoding-type=url` the key-like
// values (Key, Prefix, Marker, NextMarker, Delimiter, CommonPrefixes) are percent-encoded; RFC 3986
// encoding is used so both JS `decodeURIComponent` and Go `url.QueryUnescape` read them back.
import { safeDecode } from '../signature/parse';
import { buildXml, child, encoder, list, text, type XmlObject, type XmlParseResult } from './codec';
import { isRefusal, ownerXml, readCommonPrefixes, readOwner, readRoot } from './read';
import type { Owner } from './service';

export interface ListEntry {
  key: string;
  /** `2019-05-24T08:00:00.000Z` */
  lastModified: string;
  /** Quoted, as COS sends it. */
  etag: string;
  size: number;
  owner: Owner;
  storageClass: string;
}

export interface ListBucketResult {
  name: string;
  /** `url` when the request asked for it; the other fields hold decoded values either way. */
  encodingType?: string;
  prefix: string;
  marker: string;
  maxKeys: number;
  /** Absent when the request had no delimiter. */
  delimiter?: string;
  isTruncated: boolean;
  nextMarker?: string;
  commonPrefixes: string[];
  contents: ListEntry[];
}

const ROOT = 'ListBucketResult';

/** `2019-05-24T08:00:00.000Z` from epoch milliseconds. */
export function lastModifiedIso(ms: number): string {
  return new Date(ms).toISOString();
}

export function buildListBucketXml(r: ListBucketResult): string {
  const enc = encoder(r.encodingType);
  const body: XmlObject = { Name: r.name };
  if (r.encodingType !== undefined) body['EncodingType'] = r.encodingType;
  body['Prefix'] = enc(r.prefix);
  body['Marker'] = enc(r.marker);
  body['MaxKeys'] = String(r.maxKeys);
  if (r.delimiter !== undefined) body['Delimiter'] = enc(r.delimiter);
  body['IsTruncated'] = r.isTruncated ? 'true' : 'false';
  if (r.nextMarker !== undefined) body['NextMarker'] = enc(r.nextMarker);
  if (r.commonPrefixes.length > 0) body['CommonPrefixes'] = r.commonPrefixes.map((p) => ({ Prefix: enc(p) }));
  if (r.contents.length > 0) {
    body['Contents'] = r.contents.map((c) => ({
      Key: enc(c.key),
      LastModified: c.lastModified,
      ETag: c.etag,
      Size: String(c.size),
      Owner: ownerXml(c.owner),
      StorageClass: c.storageClass,
    }));
  }
  return buildXml(ROOT, body);
}

export function parseListBucketXml(xml: string): XmlParseResult<ListBucketResult> {
  const root = readRoot(xml, ROOT, [`${ROOT}.Contents`, `${ROOT}.CommonPrefixes`], 'refused');
  if (isRefusal(root)) return root;
  const encodingType = root['EncodingType'] === undefined ? undefined : text(root['EncodingType']);
  const dec = encodingType === 'url' ? safeDecode : (s: string): string => s;
  const r: ListBucketResult = {
    name: text(root['Name']),
    prefix: dec(text(root['Prefix'])),
    marker: dec(text(root['Marker'])),
    maxKeys: Number(text(root['MaxKeys'])),
    isTruncated: text(root['IsTruncated']) === 'true',
    commonPrefixes: readCommonPrefixes(root['CommonPrefixes'], dec),
    contents: list(root['Contents']).map((node) => {
      const c = child(node) ?? {};
      return {
        key: dec(text(c['Key'])),
        lastModified: text(c['LastModified']),
        etag: text(c['ETag']),
        size: Number(text(c['Size'])),
        owner: readOwner(c['Owner']),
        storageClass: text(c['StorageClass']),
      };
    }),
  };
  if (encodingType !== undefined) r.encodingType = encodingType;
  if (root['Delimiter'] !== undefined) r.delimiter = dec(text(root['Delimiter']));
  if (root['NextMarker'] !== undefined) r.nextMarker = dec(text(root['NextMarker']));
  return { ok: true, value: r };
}
