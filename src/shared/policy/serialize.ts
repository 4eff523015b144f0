// Model → CAM JSON, lowercase keys and snake_case operators (tencentcloud 436/46206, the note at the
// top: the CAM console wants lowercase element names): what the console's
// generator saves and what the console server sends to STS.
import type { Policy, Statement } from './model';
import { formatOperator } from './operators';

export interface PolicyJson {
  readonly version: '2.0';
  readonly statement: readonly StatementJson[];
}

export interface StatementJson {
  readonly sid?: string;
  readonly effect: 'allow' | 'deny';
  readonly principal?: { readonly qcs: readonly string[] };
  readonly action?: readonly string[];
  readonly not_action?: readonly string[];
  readonly resource: readonly string[];
  readonly condition?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
}

function statementJson(s: Statement, withPrincipal: boolean): StatementJson {
  const condition: Record<string, Record<string, readonly string[]>> = {};
  for (const c of s.conditions) {
    const op = formatOperator(c);
    condition[op] = { ...condition[op], [c.key]: [...c.values] };
  }
  return {
    ...(s.sid !== undefined ? { sid: s.sid } : {}),
    effect: s.effect,
    ...(withPrincipal && s.principals ? { principal: { qcs: [...s.principals] } } : {}),
    ...(s.notActions ? { not_action: [...s.notActions] } : { action: [...s.actions] }),
    resource: [...s.resources],
    ...(s.conditions.length > 0 ? { condition } : {}),
  };
}

/**
 * The policy as CAM JSON. Principals are written per statement (bucket policies); pass
 * `withPrincipal: false` for CAM user and STS policies, which must not carry one (598/35838).
 */
export function toPolicyJson(policy: Policy, options: { readonly withPrincipal?: boolean } = {}): PolicyJson {
  const withPrincipal = options.withPrincipal ?? true;
  return { version: '2.0', statement: policy.statements.map((s) => statementJson(s, withPrincipal)) };
}
