// POST Object (436/14690): a browser form upload to the bucket's `/`. The form authenticates
// itself, in one of the two ways the official clients use (docs/cos-behaviour.md "POST Object"):
//   - `policy` (base64 JSON) + `q-sign-algorithm`, `q-ak`, `q-key-time`, `q-signature`: the policy's
//     expiration and conditions are enforced (content-length-range once the size is known);
//   - `Signature`: an ordinary COS Authorization for `POST /` (or `/<key>`), as cos-wx-sdk-v5 sends.
// Without either, the upload is anonymous. Then PostObject is authorized like any request, and the
// answer follows success_action_redirect (303) or success_action_status (200/201/204, default 204).
import { CosError } from '../../shared/errors/cos-error';
import { checkPostConditions, parsePostPolicy, postPolicySignature, type PostPolicy } from '../../shared/post-policy/post-policy';
import { buildXml } from '../../shared/xml/codec';
import { aclFromRequestHeaders } from '../acl';
import { authenticate, MAX_SKEW_SECONDS } from '../auth';
import { enforce } from '../authorize';
import type { OpContext, OpHandler, OpResult } from '../context';
import { readForm } from '../form';
import { refuseUnsupported, storageClass, storedHeaders, userMetadata } from '../object-headers';
import type { Principal } from '../principal';
import { parseTimeRange } from '../../shared/signature/parse';
import { tagsFromHeader, tagsToJson } from '../tags';
import { writeObject, type Commit, type ObjectFields } from '../write-object';
import { RequestQuery } from '../query';
import { bucketOf } from './common';
import { checkKey, MAX_PUT_SIZE } from './object';

type Fields = Map<string, string>;

const policyDenied = (why: string): CosError => new CosError('AccessDenied', { message: `Invalid according to Policy: ${why}.` });

/** The q-* policy form: signature, key time, expiration and field conditions. */
function policyPrincipal(ctx: OpContext, fields: Fields, nowMs: number): { principal: Principal; policy: PostPolicy } {
  const [algorithm, ak, keyTime, signature, encoded] = ['q-sign-algorithm', 'q-ak', 'q-key-time', 'q-signature', 'policy'].map((n) => fields.get(n));
  if (!ak || !keyTime || !signature || !encoded) throw new CosError('InvalidArgument', { message: 'A POST policy needs q-ak, q-key-time, q-signature and policy fields.' });
  if ((algorithm ?? 'sha1').toLowerCase() !== 'sha1') throw new CosError('InvalidArgument', { message: 'q-sign-algorithm must be sha1.' });
  const token = fields.get('x-cos-security-token');
  const entry = ctx.accounts.findKey(ak) ?? (token !== undefined ? ctx.accounts.findTemporaryKey(ak, token, nowMs) : undefined);
  if (!entry) throw new CosError('InvalidAccessKeyId', { message: 'The access key Id you provided does not exist in our records.' });
  const json = Buffer.from(encoded, 'base64').toString('utf8');
  if (postPolicySignature(entry.secretKey, keyTime, json) !== signature.toLowerCase()) throw new CosError('SignatureDoesNotMatch');
  const window = parseTimeRange(keyTime);
  const now = Math.floor(nowMs / 1000);
  if (!window) throw new CosError('InvalidArgument', { message: 'q-key-time is malformed.' });
  if (now > window.end) throw new CosError('AccessDenied', { message: 'Request has expired' });
  if (window.start > now + MAX_SKEW_SECONDS) throw new CosError('RequestTimeTooSkewed');
  const parsed = parsePostPolicy(json);
  if (!parsed.ok) throw new CosError('InvalidPolicyDocument', { message: parsed.reason });
  if (parsed.value.expiration < nowMs) throw policyDenied('Policy expired');
  const check = checkPostConditions(parsed.value, fields);
  if (!check.ok) throw policyDenied(check.reason);
  return { principal: entry.principal, policy: parsed.value };
}

/** The `Signature` form: a COS Authorization, verified with the form fields standing in for headers. */
function signaturePrincipal(ctx: OpContext, fields: Fields, key: string, nowMs: number): Principal {
  const headers = { ...ctx.req.headers, ...Object.fromEntries(fields), authorization: fields.get('signature') ?? '' };
  return authenticate({ method: 'POST', headers, query: RequestQuery.EMPTY, signaturePaths: ['/', `/${key}`], nowMs }, ctx.accounts);
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;
const hasControl = (v: string): boolean => [...v].some((c) => (c < ' ' && c !== '\t') || c === '\x7f');
const STORED_FIELDS = ['cache-control', 'content-disposition', 'content-encoding', 'content-type', 'expires'];

/**
 * The form fields as the request headers they stand for. A field is UTF-8 text, a header Latin-1
 * bytes: values become their UTF-8 bytes, as PUT Object receives them. Fields stored as headers and
 * sent back by every GET (x-cos-*, Content-*, Cache-Control, Expires) must be ones a header can
 * carry — a control character or a metadata name that is no header name would otherwise be stored,
 * and every later GET of the object would fail to answer.
 */
function asHeaders(fields: Fields): Record<string, string> {
  const h: Record<string, string> = {};
  for (const [name, value] of fields) {
    if (name.startsWith('x-cos-') || STORED_FIELDS.includes(name)) {
      if (!HEADER_NAME.test(name)) throw new CosError('InvalidArgument', { message: `The form field ${JSON.stringify(name)} is not a valid header name.` });
      if (hasControl(value)) throw new CosError('InvalidArgument', { message: `The form field ${name} contains control characters.` });
    }
    h[name] = Buffer.from(value, 'utf8').toString('latin1');
  }
  return h;
}

function objectFields(fields: Fields, key: string): ObjectFields {
  // The form fields play the part of PUT Object's headers; the file part's own MIME type is
  // ignored (436/14690: Content-Type must be a form field).
  const h = asHeaders(fields);
  refuseUnsupported(h);
  const out: ObjectFields = { key, storageClass: storageClass(h), headers: storedHeaders(h, key), meta: userMetadata(h) };
  const tags = tagsFromHeader(h);
  if (tags && tags.length > 0) out.tagging = tagsToJson(tags);
  const acl = aclFromRequestHeaders({ 'x-cos-acl': fields.get('acl') ?? fields.get('x-cos-acl') }, 'object');
  if (acl !== undefined) out.acl = acl;
  return out;
}

/** The plain commit, after the policy's content-length-range has seen the size. */
function commitWithin(ctx: OpContext, policy: PostPolicy | undefined, truncated: () => boolean): Commit {
  return (record, mode) => {
    if (truncated()) return { ok: false, error: new CosError('EntityTooLarge') };
    const range = policy?.conditions.find((c) => c.kind === 'content-length-range');
    if (range?.kind === 'content-length-range' && (record.size < range.min || record.size > range.max)) {
      return { ok: false, error: new CosError(record.size < range.min ? 'EntityTooSmall' : 'EntityTooLarge', { message: `The file is ${record.size} bytes; the policy allows ${range.min} to ${range.max}.` }) };
    }
    const r = ctx.store.meta.putObject(record, mode);
    return r.ok ? r : { ok: false, error: new CosError('NoSuchBucket') };
  };
}

function reply(ctx: OpContext, fields: Fields, key: string, headers: Record<string, string>): OpResult {
  const bucket = bucketOf(ctx).name;
  const etag = headers['ETag'] ?? '';
  const location = `http://${ctx.req.headers.host ?? ''}/${encodeURIComponent(key).replace(/%2F/g, '/')}`;
  const redirect = fields.get('success_action_redirect');
  if (redirect !== undefined && /^https?:\/\//i.test(redirect)) {
    const q = new URLSearchParams({ bucket, key, etag });
    // A header carries no spaces, control or non-ASCII characters: those are percent-encoded.
    const to = redirect.replace(/[^\x21-\x7e]+/g, (s) => [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
    return { status: 303, headers: { ...headers, Location: `${to}${to.includes('?') ? '&' : '?'}${q.toString()}` } };
  }
  const status = Number(fields.get('success_action_status') ?? '204');
  if (status === 201) {
    return { status, headers: { ...headers, Location: location }, xml: buildXml('PostResponse', { Location: location, Bucket: bucket, Key: key, ETag: etag }) };
  }
  return { status: status === 200 ? 200 : 204, headers: { ...headers, Location: location } };
}

export const postObject: OpHandler = async (ctx) => {
  const bucket = bucketOf(ctx);
  const form = await readForm(ctx.req, { maxFileSize: MAX_PUT_SIZE });
  try {
    const fields = form.fields;
    const raw = fields.get('key');
    if (raw === undefined || raw === '') throw new CosError('InvalidArgument', { message: 'Bucket POST must contain a field named key.' });
    const key = raw.replaceAll('${filename}', form.filename);
    checkKey(key);
    fields.set('bucket', bucket.name);
    const nowMs = ctx.clock.now();
    let principal: Principal = { kind: 'anonymous' };
    let policy: PostPolicy | undefined;
    if (fields.has('signature')) principal = signaturePrincipal(ctx, fields, key, nowMs);
    else if (fields.has('policy') || fields.has('q-signature')) ({ principal, policy } = policyPrincipal(ctx, fields, nowMs));
    const authed = { ...ctx, principal };
    enforce({ ...authed, op: 'PostObject', bucket }, { appId: bucket.appId, bucket: bucket.name, region: bucket.region, key });
    const written = await writeObject(authed, form.file, objectFields(fields, key), {
      forbidOverwrite: fields.get('x-cos-forbid-overwrite')?.toLowerCase() === 'true', commit: commitWithin(ctx, policy, form.truncated),
    });
    await form.done;
    return reply(ctx, fields, key, written.headers);
  } catch (e) {
    form.file.resume(); // let the rest of the body drain so the error reply can be read
    // A form cut short mid-file fails the file stream with busboy's own Error ("Unexpected end of
    // form"): the client's malformed form, answered as readForm answers one, not an InternalError.
    if (!(e instanceof CosError) && e === form.file.errored) {
      throw new CosError('InvalidArgument', { message: `The form is malformed: ${e instanceof Error ? e.message : String(e)}.` });
    }
    throw e;
  }
};
