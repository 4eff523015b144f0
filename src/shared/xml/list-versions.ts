// GET Bucket Object versions (ListObjectVersions) response. Doc: https://cloud.tencent.com/document/product/436/35521
// Element order follows the doc: EncodingType?, Name, Prefix, KeyMarker, VersionIdMarker, MaxKeys,
// Delimiter?, IsTruncated, NextKeyMarker?, NextVersionIdMarker?, CommonPrefixes*, Version*,
// DeleteMarker*. The SDKs read Version and DeleteMarker into separate lists, so they are built as
// two groups. With `encoding-type=url`, Key, Prefix, KeyMarker, NextKeyMarker, Delimiter and the
// common prefixes are percent-encoded (as GET Bucket does).
import { safeDecode } from '../signature/parse';
import { buildXml, child, encoder, list, text, type XmlNode, type XmlObject, type XmlParseResult } from './codec';
import { isRefusal, ownerXml, readCommonPrefixes, readOwner, readRoot } from './read';
import type { Owner } from './service';

export interface VersionEntry {
  key: string;
  versionId: string;
  isLatest: boolean;
  lastModified: string;
  owner: Owner;
  /** Versions only (absent on delete markers). */
  etag?: string;
  size?: number;
  storageClass?: string;
}

export interface ListVersionsResult {
  name: string;
  encodingType?: string;
  prefix: string;
  keyMarker: string;
  versionIdMarker: string;
  maxKeys: number;
  delimiter?: string;
  isTruncated: boolean;
  nextKeyMarker?: string;
  nextVersionIdMarker?: string;
  commonPrefixes: string[];
  versions: VersionEntry[];
  deleteMarkers: VersionEntry[];
}

const ROOT = 'ListVersionsResult';

export function buildListVersionsXml(r: ListVersionsResult): string {
  const enc = encoder(r.encodingType);
  const body: XmlObject = {};
  if (r.encodingType !== undefined) body['EncodingType'] = r.encodingType;
  body['Name'] = r.name;
  body['Prefix'] = enc(r.prefix);
  body['KeyMarker'] = enc(r.keyMarker);
  body['VersionIdMarker'] = r.versionIdMarker;
  body['MaxKeys'] = String(r.maxKeys);
  if (r.delimiter !== undefined) body['Delimiter'] = enc(r.delimiter);
  body['IsTruncated'] = r.isTruncated ? 'true' : 'false';
  if (r.nextKeyMarker !== undefined) body['NextKeyMarker'] = enc(r.nextKeyMarker);
  if (r.nextVersionIdMarker !== undefined) body['NextVersionIdMarker'] = r.nextVersionIdMarker;
  if (r.commonPrefixes.length > 0) body['CommonPrefixes'] = r.commonPrefixes.map((p) => ({ Prefix: enc(p) }));
  const entry = (v: VersionEntry, marker: boolean): XmlObject => {
    const e: XmlObject = { Key: enc(v.key), VersionId: v.versionId, IsLatest: v.isLatest ? 'true' : 'false', LastModified: v.lastModified };
    if (!marker) {
      e['ETag'] = v.etag ?? '';
      e['Size'] = String(v.size ?? 0);
      e['StorageClass'] = v.storageClass ?? 'STANDARD';
    }
    e['Owner'] = ownerXml(v.owner);
    return e;
  };
  if (r.versions.length > 0) body['Version'] = r.versions.map((v) => entry(v, false));
  if (r.deleteMarkers.length > 0) body['DeleteMarker'] = r.deleteMarkers.map((v) => entry(v, true));
  return buildXml(ROOT, body);
}

export function parseListVersionsXml(xml: string): XmlParseResult<ListVersionsResult> {
  const root = readRoot(xml, ROOT, [`${ROOT}.Version`, `${ROOT}.DeleteMarker`, `${ROOT}.CommonPrefixes`], 'refused');
  if (isRefusal(root)) return root;
  const encodingType = root['EncodingType'] === undefined ? undefined : text(root['EncodingType']);
  const dec = encodingType === 'url' ? safeDecode : (s: string): string => s;
  const entry = (node: XmlNode, marker: boolean): VersionEntry => {
    const c = child(node) ?? {};
    const v: VersionEntry = {
      key: dec(text(c['Key'])), versionId: text(c['VersionId']), isLatest: text(c['IsLatest']) === 'true',
      lastModified: text(c['LastModified']), owner: readOwner(c['Owner']),
    };
    if (!marker) {
      v.etag = text(c['ETag']);
      v.size = Number(text(c['Size']));
      v.storageClass = text(c['StorageClass']);
    }
    return v;
  };
  const r: ListVersionsResult = {
    name: text(root['Name']),
    prefix: dec(text(root['Prefix'])),
    keyMarker: dec(text(root['KeyMarker'])),
    versionIdMarker: text(root['VersionIdMarker']),
    maxKeys: Number(text(root['MaxKeys'])),
    isTruncated: text(root['IsTruncated']) === 'true',
    commonPrefixes: readCommonPrefixes(root['CommonPrefixes'], dec),
    versions: list(root['Version']).map((n) => entry(n, false)),
    deleteMarkers: list(root['DeleteMarker']).map((n) => entry(n, true)),
  };
  if (encodingType !== undefined) r.encodingType = encodingType;
  if (root['Delimiter'] !== undefined) r.delimiter = dec(text(root['Delimiter']));
  if (root['NextKeyMarker'] !== undefined) r.nextKeyMarker = dec(text(root['NextKeyMarker']));
  if (root['NextVersionIdMarker'] !== undefined) r.nextVersionIdMarker = text(root['NextVersionIdMarker']);
  return { ok: true, value: r };
}
