// The policy simulator: "may this principal do this action on this key, with these request
// properties?", answered on the draft policy by the very code cos-local enforces
// (src/shared/policy/authorize.ts for the decision, context.ts for the condition keys, acl-grants.ts for
// the ACL), plus why: every statement with the reason it did or did not apply, each condition with the
// request's values, and the ACL grants that allow. Decision order (docs/cos-behaviour.md "Evaluation
// order", https://www.tencentcloud.com/document/product/436/35240): an explicit deny wins; the bucket's
// own root account is then allowed; otherwise an allow of the policy or an ACL grant; else implicit deny.
// A sub-user's own CAM policies are not visible to the console, so only the bucket policy and ACL count.
import { aclGrantsFor, aclRuleOfAction, type AclAnswer, type GrantList } from '../../../../../../../shared/policy/acl-grants';
import { authorize, principalOf, type AuthorizeDecision, type Requester } from '../../../../../../../shared/policy/authorize';
import { canonicalAction } from '../../../../../../../shared/policy/action';
import { conditionHolds, requestValues } from '../../../../../../../shared/policy/condition';
import { buildContext, type RequestFacts } from '../../../../../../../shared/policy/context';
import { traceStatements, type StatementTrace } from '../../../../../../../shared/policy/evaluate';
import type { ConditionContext, Lint, Policy, ResourceRef, Statement } from '../../../../../../../shared/policy/model';
import { formatOperator } from '../../../../../../../shared/policy/operators';
import { parsePolicy } from '../../../../../../../shared/policy/parse';
import { formatResource } from '../../../../../../../shared/policy/resource';

export type SimPrincipal =
  | { readonly kind: 'anonymous' }
  /** The root account that owns the bucket. */
  | { readonly kind: 'owner' }
  /** A sub-user (CAM user) of the owning account. */
  | { readonly kind: 'sub'; readonly uin: string }
  /** The root account of another main account. */
  | { readonly kind: 'other-root'; readonly uin: string };

export const GRANT_HEADERS = ['read', 'write', 'read-acp', 'write-acp', 'full-control'] as const;
export type GrantHeader = (typeof GRANT_HEADERS)[number];

/** What the request carries; undefined = not sent. Only the keys that apply to the action count (context.ts). */
export interface SimRequest {
  /** `name/cos:GetObject` */
  readonly action: string;
  /** Undefined (or '') = the bucket itself. */
  readonly key?: string;
  readonly sourceIp?: string;
  readonly secure?: boolean;
  /** `1.2` */
  readonly tlsVersion?: string;
  /** '' = `?versionId=` (the latest version, as without it: tencentcloud 436/46206). */
  readonly versionId?: string;
  readonly contentType?: string;
  readonly contentLength?: string;
  readonly storageClass?: string;
  /** `x-cos-acl` */
  readonly acl?: string;
  /** `x-cos-grant-*` header values, e.g. `id="100000000001"`. */
  readonly grants?: Partial<Readonly<Record<GrantHeader, string>>>;
  /** GET Bucket `prefix` (decoded, as typed). */
  readonly prefix?: string;
  readonly responseContentType?: string;
  readonly forbidOverwrite?: string;
  readonly host?: string;
  /** ISO 8601; defaults to none (conditions on `qcs:current_time` then fail unless `_if_exist`). */
  readonly currentTime?: string;
}

export interface BucketInfo {
  readonly name: string;
  readonly region: string;
  readonly appId: string;
}

export interface SimulationInput {
  /** The draft policy as JSON text; '' (or only spaces) = no policy. */
  readonly policyText: string;
  readonly bucket: BucketInfo;
  /** Root UIN of the account owning the bucket. */
  readonly ownerUin: string;
  readonly principal: SimPrincipal;
  readonly request: SimRequest;
  /** The bucket's ACL; undefined/null = not known (no grants counted). */
  readonly bucketAcl?: GrantList | null;
  /** The object's own ACL; undefined = the object follows the bucket ACL. */
  readonly objectAcl?: GrantList;
}

export interface ConditionExplanation {
  /** As written in COS JSON, e.g. `string_equal_if_exist`. */
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
  /** The request's values for the key (empty: the request does not carry it). */
  readonly requestValues: readonly string[];
  readonly holds: boolean;
}

export interface StatementExplanation {
  readonly index: number;
  readonly sid?: string;
  readonly effect: 'allow' | 'deny';
  readonly result: StatementTrace['result'];
  /** This statement decided the answer. */
  readonly decisive: boolean;
  readonly conditions: readonly ConditionExplanation[];
}

export type SimulationResult =
  | { readonly ok: false; readonly errors: readonly Lint[] }
  | {
      readonly ok: true;
      readonly allowed: boolean;
      readonly decision: AuthorizeDecision;
      /** List Multipart Uploads with a prefix was allowed as the prefix's key (cos-local authorize.ts listsWithinPrefix). */
      readonly viaPrefix: boolean;
      readonly principal: string;
      readonly action: string;
      readonly resource: string;
      readonly context: ConditionContext;
      readonly statements: readonly StatementExplanation[];
      /** Whether an ACL can grant this action, which ACL was read and which of its grants allow. */
      readonly acl: AclAnswer;
      readonly policyPresent: boolean;
    };

/** The requester in the engine's terms. */
export function requesterOf(p: SimPrincipal, ownerUin: string): Requester {
  switch (p.kind) {
    case 'anonymous': return { kind: 'anonymous' };
    case 'owner': return { kind: 'root', uin: ownerUin };
    case 'sub': return { kind: 'sub', rootUin: ownerUin, uin: p.uin };
    case 'other-root': return { kind: 'root', uin: p.uin };
  }
}

/** The HTTP facts of the request, as cos-local reads them (src/cos-local/authz/request-facts.ts). */
export function factsOf(r: SimRequest): RequestFacts {
  const headers: Record<string, string> = {};
  const put = (name: string, v: string | undefined): void => {
    if (v !== undefined && v !== '') headers[name] = v;
  };
  put('content-type', r.contentType);
  put('content-length', r.contentLength);
  put('x-cos-storage-class', r.storageClass);
  put('x-cos-acl', r.acl);
  put('x-cos-forbid-overwrite', r.forbidOverwrite);
  put('host', r.host);
  for (const g of GRANT_HEADERS) put(`x-cos-grant-${g}`, r.grants?.[g]);
  const query: Record<string, string> = {};
  if (r.versionId !== undefined) query['versionid'] = r.versionId;
  if (r.prefix !== undefined && r.prefix !== '') query['prefix'] = r.prefix;
  if (r.responseContentType !== undefined && r.responseContentType !== '') query['response-content-type'] = r.responseContentType;
  return {
    action: r.action,
    headers,
    query,
    secure: r.secure ?? false,
    ...(r.sourceIp ? { clientIp: r.sourceIp } : {}),
    ...(r.secure && r.tlsVersion ? { tlsVersion: r.tlsVersion } : {}),
    ...(r.currentTime ? { currentTime: r.currentTime } : {}),
  };
}

/** The draft as the engine reads it: undefined = no policy; errors = COS would refuse to store it. */
export function parseDraft(text: string): { ok: true; policy: Policy | undefined } | { ok: false; errors: readonly Lint[] } {
  if (text.trim() === '') return { ok: true, policy: undefined };
  const r = parsePolicy(text, { kind: 'bucket' });
  return r.ok ? { ok: true, policy: r.policy } : { ok: false, errors: r.errors };
}

function explainConditions(s: Statement, ctx: ConditionContext): ConditionExplanation[] {
  return s.conditions.map((c) => ({
    operator: formatOperator(c), key: c.key, values: c.values, requestValues: requestValues(ctx, c.key), holds: conditionHolds(c, ctx),
  }));
}

function resourceOf(b: BucketInfo, key: string | undefined): ResourceRef {
  const base = { region: b.region, appId: b.appId, bucket: b.name };
  return key ? { ...base, key } : base;
}

interface Evaluated {
  readonly decision: AuthorizeDecision;
  readonly trace: readonly StatementTrace[];
  readonly acl: AclAnswer;
  readonly context: ConditionContext;
  readonly resource: ResourceRef;
}

function evaluateOnce(input: SimulationInput, policy: Policy | undefined, key: string | undefined): Evaluated {
  const { request: r, principal: p, ownerUin } = input;
  const requester = requesterOf(p, ownerUin);
  const resource = resourceOf(input.bucket, key);
  const context = buildContext(factsOf(r));
  const rootOwner = requester.kind === 'root' && requester.uin === ownerUin;
  // cos-local reads no ACL for the owner (authorize.ts decide): the owner is allowed anyway.
  const rule = aclRuleOfAction(r.action);
  const acl = rootOwner ? { grants: [] } : aclGrantsFor({
    rule,
    ids: requester.kind === 'anonymous' ? [] : [principalOf(requester)],
    bucketAcl: input.bucketAcl ?? undefined,
    objectAcl: rule?.level === 'object' && key ? input.objectAcl : undefined,
  });
  const decision = authorize({
    requester, ownerUin, action: r.action, resource, context,
    ...(policy ? { bucketPolicy: policy } : {}),
    aclAllows: acl.grants.length > 0,
  });
  const trace = policy
    ? traceStatements({ policies: [{ source: 'bucket', policy }], principal: principalOf(requester), action: r.action, resource, context })
    : [];
  return { decision, trace, acl, context, resource };
}

function decisiveIndex(d: AuthorizeDecision): number | undefined {
  return d.effect !== 'implicit-deny' && typeof d.by === 'object' && d.by.source === 'bucket' ? d.by.statementIndex : undefined;
}

/** Simulates one request on the draft policy. */
export function simulate(input: SimulationInput): SimulationResult {
  const parsed = parseDraft(input.policyText);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const { policy } = parsed;
  const key = input.request.key === '' ? undefined : input.request.key;
  let e = evaluateOnce(input, policy, key);
  let viaPrefix = false;
  // List Multipart Uploads confined by `prefix` is also allowed where the requester may act on that
  // prefix as a key: cos-local's listsWithinPrefix (tencentcloud 436/30580, "Multipart upload").
  const prefix = input.request.prefix;
  if (e.decision.effect !== 'allow' && canonicalAction(input.request.action) === 'cos:ListMultipartUploads' && prefix) {
    const asKey = evaluateOnce(input, policy, prefix);
    if (asKey.decision.effect === 'allow') {
      e = asKey;
      viaPrefix = true;
    }
  }
  const decisive = decisiveIndex(e.decision);
  const statements = (policy?.statements ?? []).map((s, index): StatementExplanation => {
    const t = e.trace[index];
    return {
      index, effect: s.effect, result: t?.result ?? 'principal', decisive: decisive === index,
      conditions: explainConditions(s, e.context),
      ...(s.sid !== undefined ? { sid: s.sid } : {}),
    };
  });
  return {
    ok: true,
    allowed: e.decision.effect === 'allow',
    decision: e.decision,
    viaPrefix,
    principal: principalOf(requesterOf(input.principal, input.ownerUin)),
    action: input.request.action,
    resource: formatResource(e.resource),
    context: e.context,
    statements,
    acl: e.acl,
    policyPresent: policy !== undefined,
  };
}

/** `qcs::cam::uin/<uin>:uin/<uin>` → `<uin>` (the owner id of a GET acl answer). */
export function uinOfOwnerId(id: string | undefined): string | undefined {
  const m = /^qcs::cam::uin\/(\d+):uin\/(\d+)$/.exec(id ?? '');
  return m && m[1] === m[2] ? m[1] : undefined;
}
