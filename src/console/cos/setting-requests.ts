// Bucket settings over cos-js-sdk-v5's generic `request` (src/base.js `request`, 1.10.1): the body goes
// and comes back as raw text, read and written by the shared codec of each subresource
// (src/shared/settings/codecs.ts), so a setting is shown and saved exactly as COS keeps it — the SDK's
// own getBucketCors & co. reshape the XML into objects of their own.
import type COS from 'cos-js-sdk-v5';
import { md5 } from '@noble/hashes/legacy.js';
import { buildAclXml, parseAclXml, type AccessControlPolicy } from '../../shared/xml/acl';
import { codecOf, readSettingAnswer, type TrackedSetting, type TrackedSettings } from '../../shared/settings/codecs';
import { CosClientError, fromSdkError } from './cos-error';

export interface SettingTarget {
  bucket: string;
  region: string;
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** Content-MD5 of a body COS requires it for (PUT Bucket cors, lifecycle, tagging, …: 436/8279 and others). */
export function contentMd5(body: string): string {
  return base64(md5(new TextEncoder().encode(body)));
}

type RequestParams = Parameters<COS['request']>[0];

export async function readSetting<K extends TrackedSetting>(cos: COS, t: SettingTarget, name: K): Promise<TrackedSettings[K]> {
  const codec = codecOf(name);
  let body: string;
  try {
    const r = await cos.request({ Method: 'GET', Bucket: t.bucket, Region: t.region, Action: codec.subresource, RawBody: true } as RequestParams);
    body = String((r as { Body?: unknown }).Body ?? '');
  } catch (e) {
    const err = fromSdkError(e);
    if (err.source === 'cos' && codec.missing.includes(err.code)) return null as TrackedSettings[K];
    throw err;
  }
  const read = readSettingAnswer(name, { body });
  if (!read.ok) throw new CosClientError('client', 'UnreadableSetting', `COS answered a ${name} configuration the console cannot read: ${read.reason}`);
  return read.value;
}

export async function writeSetting<K extends TrackedSetting>(cos: COS, t: SettingTarget, name: K, value: NonNullable<TrackedSettings[K]>): Promise<void> {
  const codec = codecOf(name);
  const body = codec.build(value);
  await cos.request({
    Method: 'PUT', Bucket: t.bucket, Region: t.region, Action: codec.subresource, Body: body,
    Headers: { 'Content-Type': codec.contentType, 'Content-MD5': contentMd5(body) },
  } as RequestParams);
}

export async function deleteSetting(cos: COS, t: SettingTarget, name: TrackedSetting): Promise<void> {
  const codec = codecOf(name);
  if (!codec.deletable) throw new CosClientError('client', 'NotDeletable', `COS has no DELETE for the ${name} setting.`);
  await cos.request({ Method: 'DELETE', Bucket: t.bucket, Region: t.region, Action: codec.subresource } as RequestParams);
}

/** HEAD Object: the response headers, lower-cased (x-cos-replication-status, x-cos-version-id, …). */
export async function headObject(cos: COS, t: SettingTarget, key: string): Promise<Record<string, string>> {
  const r = await cos.headObject({ Bucket: t.bucket, Region: t.region, Key: key });
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((r as { headers?: Record<string, unknown> }).headers ?? {})) if (typeof v === 'string') out[k.toLowerCase()] = v;
  return out;
}

/** cos-local's `GET /?replication&progress` (not a COS API): raw XML, or undefined where COS has none. */
export async function readReplicationProgress(cos: COS, t: SettingTarget): Promise<string | undefined> {
  try {
    const r = await cos.request({ Method: 'GET', Bucket: t.bucket, Region: t.region, Action: 'replication', Query: { progress: '' }, RawBody: true } as RequestParams);
    return String((r as { Body?: unknown }).Body ?? '');
  } catch {
    return undefined;
  }
}

/**
 * GET Object acl (436/7744) with the shared codec. COS names an object without an ACL of its own with
 * `x-cos-acl: default` in the answer (the SDKs read it so: cos-nodejs-sdk-v5 getObjectAcl).
 */
export async function readObjectAcl(cos: COS, t: SettingTarget, key: string): Promise<{ policy: AccessControlPolicy; inherited: boolean }> {
  const r = await cos.request({ Method: 'GET', Bucket: t.bucket, Region: t.region, Key: key, Action: 'acl', RawBody: true } as RequestParams);
  const body = String((r as { Body?: unknown }).Body ?? '');
  const parsed = parseAclXml(body);
  if (!parsed.ok) throw new CosClientError('client', 'UnreadableSetting', `COS answered an object ACL the console cannot read: ${parsed.reason}`);
  const headers = (r as { headers?: Record<string, unknown> }).headers ?? {};
  const canned = Object.entries(headers).find(([k]) => k.toLowerCase() === 'x-cos-acl')?.[1];
  return { policy: parsed.value, inherited: typeof canned === 'string' && canned.toLowerCase() === 'default' };
}

/**
 * PUT Object acl (436/7748): either an AccessControlPolicy body (it must name the owner) or, to make
 * the object follow its bucket again, `x-cos-acl: default` alone — one of the two, never both.
 */
export async function writeObjectAcl(cos: COS, t: SettingTarget, key: string, acl: AccessControlPolicy | 'default'): Promise<void> {
  if (acl === 'default') {
    await cos.request({ Method: 'PUT', Bucket: t.bucket, Region: t.region, Key: key, Action: 'acl', Headers: { 'x-cos-acl': 'default' } } as RequestParams);
    return;
  }
  if (!acl.owner) throw new CosClientError('client', 'NoOwner', 'An ACL to PUT names its owner.');
  const body = buildAclXml({ owner: acl.owner, grants: acl.grants });
  await cos.request({
    Method: 'PUT', Bucket: t.bucket, Region: t.region, Key: key, Action: 'acl', Body: body,
    Headers: { 'Content-Type': 'application/xml', 'Content-MD5': contentMd5(body) },
  } as RequestParams);
}
