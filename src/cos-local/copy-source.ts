// The `x-cos-copy-source` header of PUT Object - Copy (436/10881) and Upload Part - Copy (436/8287):
// `<bucket-appid>.cos.<region>.myqcloud.com/<url-encoded key>[?versionId=<id>]`. Any host suffix is
// accepted (cos-local serves every suffix), an `http(s)://` scheme is tolerated, and so is the
// path-style `/<bucket-appid>/<key>` a local client may send.
import { CosError } from '../shared/errors/cos-error';
import { safeDecode } from '../shared/signature/parse';

export interface CopySource {
  bucket: string;
  /** Absent for the path-style form. */
  region?: string;
  key: string;
  versionId?: string;
}

const HOSTED = /^(?:https?:\/\/)?([a-z0-9-]+-\d+)\.cos[a-z0-9-]*\.([a-z0-9-]+)\.[^/]*\/(.+)$/;
const PATH = /^\/?([a-z0-9-]+-\d+)\/(.+)$/;

export function parseCopySource(header: string | string[] | undefined): CopySource {
  const raw = Array.isArray(header) ? header[0] : header;
  if (raw === undefined || raw === '') throw new CosError('InvalidArgument', { message: 'x-cos-copy-source is missing.' });
  const q = raw.indexOf('?versionId=');
  const target = q < 0 ? raw : raw.slice(0, q);
  const versionId = q < 0 ? undefined : safeDecode(raw.slice(q + '?versionId='.length));
  const hosted = HOSTED.exec(target);
  const path = hosted ? undefined : PATH.exec(target);
  const bucket = hosted?.[1] ?? path?.[1];
  const key = hosted?.[3] ?? path?.[2];
  if (bucket === undefined || key === undefined) {
    throw new CosError('InvalidArgument', { message: 'x-cos-copy-source must look like <bucket-appid>.cos.<region>.myqcloud.com/<key>.' });
  }
  const out: CopySource = { bucket, key: safeDecode(key) };
  if (hosted?.[2] !== undefined) out.region = hosted[2];
  if (versionId !== undefined && versionId !== '') out.versionId = versionId;
  return out;
}
