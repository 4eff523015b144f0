// List Parts (436/7747) and List Multipart Uploads (436/7736) responses. Element order follows the
// docs' node tables; the encoding element and `encoding-type=url` are handled as in multipart.ts.
// The Next* markers are written only when truncated (the doc's untruncated capture has none); the
// SDKs read them only when IsTruncated is 'true' (cos-nodejs-sdk-v5 advance.js wholeMultipartList*).
import { buildXml, child, encoder, list, text, type XmlObject, type XmlParseResult } from './codec';
import { readEncoding } from './multipart';
import { isRefusal, ownerXml, readCommonPrefixes, readOwner, readRoot } from './read';
import type { Owner } from './service';

export interface PartEntry {
  partNumber: number;
  /** `2020-03-25T10:07:14.000Z` */
  lastModified: string;
  etag: string;
  size: number;
}

export interface ListPartsResult {
  bucket: string;
  /** `url` when the request asked for it; the other fields hold decoded values either way. */
  encodingType?: string;
  key: string;
  uploadId: string;
  initiator: Owner;
  owner: Owner;
  storageClass: string;
  partNumberMarker: number;
  /** Only when truncated. */
  nextPartNumberMarker?: number;
  maxParts: number;
  isTruncated: boolean;
  parts: PartEntry[];
}

export interface UploadEntry {
  key: string;
  uploadId: string;
  storageClass: string;
  initiator: Owner;
  owner: Owner;
  initiated: string;
}

export interface ListMultipartUploadsResult {
  bucket: string;
  encodingType?: string;
  keyMarker: string;
  uploadIdMarker: string;
  nextKeyMarker?: string;
  nextUploadIdMarker?: string;
  maxUploads: number;
  isTruncated: boolean;
  prefix: string;
  /** Absent when the request had none. */
  delimiter?: string;
  uploads: UploadEntry[];
  commonPrefixes: string[];
}

const LIST_PARTS = 'ListPartsResult';
const LIST_UPLOADS = 'ListMultipartUploadsResult';
const bool = (b: boolean): string => (b ? 'true' : 'false');

export function buildListPartsXml(r: ListPartsResult): string {
  const body: XmlObject = { Bucket: r.bucket };
  if (r.encodingType !== undefined) body['Encoding-Type'] = r.encodingType;
  body['Key'] = encoder(r.encodingType)(r.key);
  body['UploadId'] = r.uploadId;
  body['Initiator'] = ownerXml(r.initiator);
  body['Owner'] = ownerXml(r.owner);
  body['StorageClass'] = r.storageClass;
  body['PartNumberMarker'] = String(r.partNumberMarker);
  if (r.nextPartNumberMarker !== undefined) body['NextPartNumberMarker'] = String(r.nextPartNumberMarker);
  body['MaxParts'] = String(r.maxParts);
  body['IsTruncated'] = bool(r.isTruncated);
  if (r.parts.length > 0) {
    body['Part'] = r.parts.map((p) => ({ PartNumber: String(p.partNumber), LastModified: p.lastModified, ETag: p.etag, Size: String(p.size) }));
  }
  return buildXml(LIST_PARTS, body);
}

export function parseListPartsXml(xml: string): XmlParseResult<ListPartsResult> {
  const r = readRoot(xml, LIST_PARTS, [`${LIST_PARTS}.Part`]);
  if (isRefusal(r)) return r;
  const { encodingType, dec } = readEncoding(r);
  const out: ListPartsResult = {
    bucket: text(r['Bucket']),
    key: dec(text(r['Key'])),
    uploadId: text(r['UploadId']),
    initiator: readOwner(r['Initiator']),
    owner: readOwner(r['Owner']),
    storageClass: text(r['StorageClass']),
    partNumberMarker: Number(text(r['PartNumberMarker']) || '0'),
    maxParts: Number(text(r['MaxParts'])),
    isTruncated: text(r['IsTruncated']) === 'true',
    parts: list(r['Part']).map((node) => {
      const p = child(node) ?? {};
      return { partNumber: Number(text(p['PartNumber'])), lastModified: text(p['LastModified']), etag: text(p['ETag']), size: Number(text(p['Size'])) };
    }),
  };
  if (encodingType !== undefined) out.encodingType = encodingType;
  if (r['NextPartNumberMarker'] !== undefined) out.nextPartNumberMarker = Number(text(r['NextPartNumberMarker']));
  return { ok: true, value: out };
}

export function buildListUploadsXml(r: ListMultipartUploadsResult): string {
  const enc = encoder(r.encodingType);
  const body: XmlObject = { Bucket: r.bucket };
  if (r.encodingType !== undefined) body['Encoding-Type'] = r.encodingType;
  body['KeyMarker'] = enc(r.keyMarker);
  body['UploadIdMarker'] = r.uploadIdMarker;
  if (r.nextKeyMarker !== undefined) body['NextKeyMarker'] = enc(r.nextKeyMarker);
  if (r.nextUploadIdMarker !== undefined) body['NextUploadIdMarker'] = r.nextUploadIdMarker;
  body['MaxUploads'] = String(r.maxUploads);
  body['IsTruncated'] = bool(r.isTruncated);
  body['Prefix'] = enc(r.prefix);
  if (r.delimiter !== undefined) body['Delimiter'] = enc(r.delimiter);
  if (r.uploads.length > 0) {
    body['Upload'] = r.uploads.map((u) => ({
      Key: enc(u.key), UploadId: u.uploadId, StorageClass: u.storageClass, Initiator: ownerXml(u.initiator), Owner: ownerXml(u.owner), Initiated: u.initiated,
    }));
  }
  if (r.commonPrefixes.length > 0) body['CommonPrefixes'] = r.commonPrefixes.map((p) => ({ Prefix: enc(p) }));
  return buildXml(LIST_UPLOADS, body);
}

export function parseListUploadsXml(xml: string): XmlParseResult<ListMultipartUploadsResult> {
  const r = readRoot(xml, LIST_UPLOADS, [`${LIST_UPLOADS}.Upload`, `${LIST_UPLOADS}.CommonPrefixes`]);
  if (isRefusal(r)) return r;
  const { encodingType, dec } = readEncoding(r);
  const out: ListMultipartUploadsResult = {
    bucket: text(r['Bucket']),
    keyMarker: dec(text(r['KeyMarker'])),
    uploadIdMarker: text(r['UploadIdMarker']),
    maxUploads: Number(text(r['MaxUploads'])),
    isTruncated: text(r['IsTruncated']) === 'true',
    prefix: dec(text(r['Prefix'])),
    uploads: list(r['Upload']).map((node) => {
      const u = child(node) ?? {};
      return {
        key: dec(text(u['Key'])), uploadId: text(u['UploadId']), storageClass: text(u['StorageClass']),
        initiator: readOwner(u['Initiator']), owner: readOwner(u['Owner']), initiated: text(u['Initiated']),
      };
    }),
    commonPrefixes: readCommonPrefixes(r['CommonPrefixes'], dec),
  };
  if (encodingType !== undefined) out.encodingType = encodingType;
  if (r['Delimiter'] !== undefined) out.delimiter = dec(text(r['Delimiter']));
  if (r['NextKeyMarker'] !== undefined) out.nextKeyMarker = dec(text(r['NextKeyMarker']));
  if (r['NextUploadIdMarker'] !== undefined) out.nextUploadIdMarker = text(r['NextUploadIdMarker']);
  return { ok: true, value: out };
}
