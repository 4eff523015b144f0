// Multipart upload bodies. Docs: Initiate 436/7746, Complete 436/7742, Upload Part - Copy 436/8287;
// the listings are in multipart-list.ts. Element order follows the docs' node tables. The docs
// spell the listings' encoding element three ways (`Encoding-Type`, `Encoding-type`,
// `EncodingType`); `Encoding-Type` is written and all are read. With `encoding-type=url`, key-like
// values are percent-encoded as in GET Bucket (list-bucket.ts); upload ids never are.
import { safeDecode } from '../signature/parse';
import { type Codec, buildXml, child, text, type XmlNode, type XmlObject, type XmlParseResult, type XmlRefusal } from './codec';
import { isRefusal, readEach, readRoot, refuse } from './read';

export interface InitiateMultipartUploadResult {
  bucket: string;
  key: string;
  uploadId: string;
}

export interface CompletePart {
  partNumber: number;
  /** As sent; the SDKs quote it. */
  etag: string;
}

export interface CompleteMultipartUploadResult {
  location: string;
  bucket: string;
  key: string;
  etag: string;
}

export interface CopyPartResult {
  etag: string;
  lastModified: string;
}

const INITIATE = 'InitiateMultipartUploadResult';
const COMPLETE = 'CompleteMultipartUpload';
const COMPLETE_RESULT = 'CompleteMultipartUploadResult';
const COPY_PART = 'CopyPartResult';
const ENCODING_NAMES = ['Encoding-Type', 'Encoding-type', 'EncodingType'];

const same: Codec = (s) => s;

/** The encoding element under any of its spellings, and the decoder it implies. */
export function readEncoding(root: XmlObject): { encodingType?: string; dec: Codec } {
  const name = ENCODING_NAMES.find((n) => root[n] !== undefined);
  const value = name === undefined ? '' : text(root[name]);
  if (value === '') return { dec: same };
  return { encodingType: value, dec: value === 'url' ? safeDecode : same };
}

export function buildInitiateResultXml(r: InitiateMultipartUploadResult): string {
  return buildXml(INITIATE, { Bucket: r.bucket, Key: r.key, UploadId: r.uploadId });
}

export function parseInitiateResultXml(xml: string): XmlParseResult<InitiateMultipartUploadResult> {
  const r = readRoot(xml, INITIATE);
  if (isRefusal(r)) return r;
  return { ok: true, value: { bucket: text(r['Bucket']), key: text(r['Key']), uploadId: text(r['UploadId']) } };
}

export function buildCompleteXml(parts: readonly CompletePart[]): string {
  return buildXml(COMPLETE, { Part: parts.map((p) => ({ PartNumber: String(p.partNumber), ETag: p.etag })) });
}

/** The Complete request body; anything but Part{PartNumber,ETag}+ is `ok: false` (MalformedXML). */
export function parseCompleteXml(xml: string): XmlParseResult<CompletePart[]> {
  const root = readRoot(xml, COMPLETE, [`${COMPLETE}.Part`]);
  if (isRefusal(root)) return root;
  const parts = readEach(root['Part'], parsePart, 'Part');
  return isRefusal(parts) ? parts : { ok: true, value: parts };
}

function parsePart(node: XmlNode): CompletePart | XmlRefusal {
  const p = child(node);
  const number = p?.['PartNumber'];
  const etag = p?.['ETag'];
  if (typeof number !== 'string' || typeof etag !== 'string') return refuse('each Part needs one PartNumber and one ETag');
  if (!/^\d{1,9}$/.test(number)) return refuse(`PartNumber ${number} is not a number`);
  return { partNumber: Number(number), etag };
}

export function buildCompleteResultXml(r: CompleteMultipartUploadResult): string {
  return buildXml(COMPLETE_RESULT, { Location: r.location, Bucket: r.bucket, Key: r.key, ETag: r.etag });
}

export function parseCompleteResultXml(xml: string): XmlParseResult<CompleteMultipartUploadResult> {
  const r = readRoot(xml, COMPLETE_RESULT);
  if (isRefusal(r)) return r;
  return { ok: true, value: { location: text(r['Location']), bucket: text(r['Bucket']), key: text(r['Key']), etag: text(r['ETag']) } };
}

export function buildCopyPartResultXml(r: CopyPartResult): string {
  return buildXml(COPY_PART, { ETag: r.etag, LastModified: r.lastModified });
}

export function parseCopyPartResultXml(xml: string): XmlParseResult<CopyPartResult> {
  const r = readRoot(xml, COPY_PART);
  if (isRefusal(r)) return r;
  return { ok: true, value: { etag: text(r['ETag']), lastModified: text(r['LastModified']) } };
}
