// One statement: effect, principal, action / not_action, resource, condition
// (https://www.tencentcloud.com/document/product/436/12469, "Core elements").
import type { Condition, Effect, Statement } from './model';
import { parseConditions } from './parse-condition';
import { parseActions } from './parse-action';
import { type Diagnostics, type Field, type JsonObject, field, isObject, ptr, stringList, unknownKeys } from './parse-util';
import { normalisePrincipal } from './principal';
import { parseResource } from './resource';
import { lintStatementKeys } from './lint-statement';

const ELEMENTS = ['sid', 'effect', 'principal', 'action', 'not_action', 'resource', 'condition'];

/** `{"qcs": [...]}` or `{"qcs": "..."}`; a bare `"*"` is accepted as anyone. */
export function parsePrincipal(f: Field, d: Diagnostics): string[] | undefined {
  let list: Field = f;
  if (isObject(f.value)) {
    const extra = Object.keys(f.value).filter((k) => k !== 'qcs');
    if (extra.length > 0 || !Object.hasOwn(f.value, 'qcs')) {
      d.error(f.path, 'bad-principal', 'principal must be {"qcs": [...]}');
      return undefined;
    }
    list = { value: f.value.qcs, path: ptr(f.path, 'qcs') };
  } else if (f.value !== '*') {
    d.error(f.path, 'bad-principal', 'principal must be {"qcs": [...]}');
    return undefined;
  }
  const items = stringList(list, 'principal', 'bad-principal', d);
  if (!items) return undefined;
  const out: string[] = [];
  for (const { value, path } of items) {
    const n = normalisePrincipal(value);
    if (!n.ok) {
      d.error(path, 'bad-principal', n.message);
      return undefined;
    }
    if (n.note === 'single-colon') d.warn(path, 'principal-single-colon', 'principal written with "qcs::cam:uin/" (one colon) was read as "qcs::cam::uin/"', n.principal);
    if (n.note === 'unrecognised') d.warn(path, 'principal-unrecognised', `"${value}" is not a uin/anyone principal; it only matches itself`);
    out.push(n.principal);
  }
  return out;
}

function parseEffect(f: Field | undefined, base: string, d: Diagnostics): Effect | undefined {
  // The COS console's policy generator writes "Allow" (436/54370, case 3); CAM writes "allow".
  const v = typeof f?.value === 'string' ? f.value.toLowerCase() : undefined;
  if (v === 'allow' || v === 'deny') return v;
  d.error(f?.path ?? ptr(base, 'effect'), 'bad-effect', 'effect must be "allow" or "deny"');
  return undefined;
}

function parseResources(f: Field | undefined, base: string, d: Diagnostics): string[] | undefined {
  if (!f) {
    d.error(ptr(base, 'resource'), 'bad-resource', 'resource is required');
    return undefined;
  }
  const items = stringList(f, 'resource', 'bad-resource', d);
  if (!items) return undefined;
  const out: string[] = [];
  for (const { value, path } of items) {
    const r = parseResource(value);
    if (!r.ok) {
      d.error(path, 'bad-resource', r.reason, r.suggestion);
      return undefined;
    }
    for (const n of r.notes) d.warn(path, n.code, n.message);
    out.push(r.normalised);
  }
  return out;
}

/** Parses one statement; `inherited` is the policy-level principal, if any. */
export function parseStatement(raw: unknown, base: string, inherited: readonly string[] | undefined, d: Diagnostics): Statement | undefined {
  if (!isObject(raw)) {
    d.error(base, 'bad-statement', 'a statement must be an object');
    return undefined;
  }
  const obj: JsonObject = raw;
  for (const k of unknownKeys(obj, ELEMENTS)) {
    // Ignoring an element such as NotResource or NotPrincipal would widen the grant: refuse it.
    d.error(ptr(base, k), 'unknown-element', `"${k}" is not a COS policy element`);
  }
  const sidF = field(obj, 'sid', base, d);
  const effect = parseEffect(field(obj, 'effect', base, d), base, d);
  const principalF = field(obj, 'principal', base, d);
  const principals = principalF ? parsePrincipal(principalF, d) : inherited;
  const actions = parseActions(field(obj, 'action', base, d), field(obj, 'not_action', base, d), base, d);
  const resources = parseResources(field(obj, 'resource', base, d), base, d);
  const condF = field(obj, 'condition', base, d);
  const conditions: Condition[] | undefined = condF ? parseConditions(condF, d) : [];
  if (!effect || !actions || !resources || !conditions || (principalF && !principals)) return undefined;
  const stmt: Statement = {
    ...(typeof sidF?.value === 'string' || typeof sidF?.value === 'number' ? { sid: String(sidF.value) } : {}),
    effect,
    ...(principals ? { principals } : {}),
    actions: actions.actions,
    ...(actions.notActions ? { notActions: actions.notActions } : {}),
    resources,
    conditions,
  };
  if (condF) lintStatementKeys(stmt, condF.path, d);
  return stmt;
}
