// PUT Object - Copy response (436/10881): `CopyObjectResult{ETag, LastModified, VersionId?, CRC64?}`,
// and Upload Part - Copy's `CopyPartResult{ETag, LastModified}` (436/8287).
import { buildXml, child, parseXml, text, type XmlObject, type XmlParseResult } from './codec';

export interface CopyResult {
  etag: string;
  /** ISO 8601 with milliseconds. */
  lastModified: string;
  versionId?: string;
  crc64?: string;
}

export function buildCopyResultXml(root: 'CopyObjectResult' | 'CopyPartResult', r: CopyResult): string {
  const body: XmlObject = { ETag: r.etag, LastModified: r.lastModified };
  if (r.versionId !== undefined) body['VersionId'] = r.versionId;
  if (r.crc64 !== undefined) body['CRC64'] = r.crc64;
  return buildXml(root, body);
}

export function parseCopyResultXml(xml: string): XmlParseResult<CopyResult> {
  const parsed = parseXml(xml);
  if (!parsed.ok) return parsed;
  const root = child(parsed.value['CopyObjectResult']) ?? child(parsed.value['CopyPartResult']);
  if (!root) return { ok: false, reason: 'the root element must be CopyObjectResult or CopyPartResult' };
  const r: CopyResult = { etag: text(root['ETag']), lastModified: text(root['LastModified']) };
  if (root['VersionId'] !== undefined) r.versionId = text(root['VersionId']);
  if (root['CRC64'] !== undefined) r.crc64 = text(root['CRC64']);
  return { ok: true, value: r };
}
