// Least-privilege policies for temporary keys, by the rules of COS's security guide for front-end
// temporary keys (https://www.tencentcloud.com/document/product/436/35265): exact actions only, one
// statement per action level so actions and resources pair explicitly (bad example 3), keys scoped
// to the caller's prefixes (bad example 1), never `*` (bad example 2; also the note at the top of
// https://www.tencentcloud.com/document/product/436/14048).
import type { Condition, Lint, Policy, Statement } from './model';
import { type ActionLevel, canonicalAction, cosActionInfo } from './action';
import { parseResource } from './resource';

export interface SessionGrant {
  /** Exact COS actions (`name/cos:PutObject`); wildcards are refused. */
  readonly actions: readonly string[];
  /** Object key globs as qcloud-cos-sts `allowPrefix` takes them: `a/a1.txt` exact, `a/*` prefix (tencentcloud 436/14048). */
  readonly keyPatterns?: readonly string[];
  readonly conditions?: readonly Condition[];
}

export interface SessionPolicyRequest {
  readonly region: string;
  readonly appId: string;
  /** Full name, `<name>-<appid>`. */
  readonly bucket: string;
  readonly grants: readonly SessionGrant[];
}

export type SessionPolicyResult =
  | { readonly ok: true; readonly policy: Policy; readonly warnings: readonly Lint[] }
  | { readonly ok: false; readonly errors: readonly Lint[] };

const lint = (path: string, code: Lint['code'], message: string): Lint => ({ path, code, message });

/** Builds the policy a temporary key should carry; errors rather than widening. */
export function buildSessionPolicy(req: SessionPolicyRequest): SessionPolicyResult {
  const errors: Lint[] = [];
  const warnings: Lint[] = [];
  if (!/^[a-z0-9-]+$/.test(req.region)) errors.push(lint('/region', 'bad-resource', 'a region is required (an empty one means every region)'));
  if (!req.bucket.endsWith(`-${req.appId}`)) errors.push(lint('/bucket', 'bucket-appid-mismatch', `bucket must be the full name ending in -${req.appId}`));
  const prefix = `qcs::cos:${req.region}:uid/${req.appId}:${req.bucket}/`;
  const statements: Statement[] = [];
  req.grants.forEach((g, gi) => {
    const byLevel = new Map<ActionLevel, string[]>();
    g.actions.forEach((a, ai) => {
      const info = cosActionInfo(a);
      if (a.includes('*')) errors.push(lint(`/grants/${gi}/actions/${ai}`, 'wildcard-action', `"${a}": list actions explicitly, never a wildcard`));
      else if (!info) errors.push(lint(`/grants/${gi}/actions/${ai}`, 'unknown-action', `"${a}" is not a COS action`));
      else byLevel.set(info.level, [...(byLevel.get(info.level) ?? []), `name/${canonicalAction(a)}`]);
    });
    for (const [level, actions] of byLevel) {
      const resources = resourcesFor(level, prefix, g.keyPatterns ?? [], `/grants/${gi}`, errors, warnings);
      if (resources.length > 0) statements.push({ effect: 'allow', actions, resources, conditions: g.conditions ?? [] });
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, policy: { version: '2.0', statements }, warnings };
}

function resourcesFor(level: ActionLevel, prefix: string, keys: readonly string[], path: string, errors: Lint[], warnings: Lint[]): string[] {
  if (level === 'service') return ['*']; // GET Service has no narrower resource (tencentcloud 436/30580)
  if (level === 'bucket') return [prefix];
  if (keys.length === 0) errors.push(lint(`${path}/keyPatterns`, 'bad-key-pattern', 'object actions need at least one key pattern'));
  return keys.flatMap((k, i) => {
    if (k === '' || k.startsWith('/')) {
      errors.push(lint(`${path}/keyPatterns/${i}`, 'bad-key-pattern', `"${k}": key patterns are relative to the bucket and not empty`));
      return [];
    }
    if (k === '*') warnings.push(lint(`${path}/keyPatterns/${i}`, 'wildcard-resource', 'the key covers every object in the bucket'));
    return [`${prefix}${k}`];
  });
}

/** Lints any policy meant for a temporary key against the guide's bad examples (wildcard actions or resources). */
export function checkLeastPrivilege(policy: Policy): Lint[] {
  return policy.statements.flatMap((s, si) => [
    ...s.actions.flatMap((a, ai) =>
      ['*', 'cos:*'].includes(canonicalAction(a)) ? [lint(`/statement/${si}/action/${ai}`, 'wildcard-action', `"${a}" grants every action; never issue it to a front end`)] : [],
    ),
    ...s.resources.flatMap((r, ri) => {
      const p = parseResource(r);
      const broad = p.ok && (p.pattern.kind === 'any' || (p.pattern.kind === 'cos' && (p.pattern.path === '*' || p.pattern.region === '')));
      return broad ? [lint(`/statement/${si}/resource/${ri}`, 'wildcard-resource', `"${r}" reaches beyond one bucket and region`)] : [];
    }),
  ]);
}
