// Statement evaluation (https://www.tencentcloud.com/document/product/436/35240): explicit deny beats
// allow; allows from all policies add up; nothing matching is an implicit deny. This is
// the plain union of the policies given; layering (session policies as a limit, root owners,
// cross-account) is authorize.ts.
import type { ConditionContext, Decision, Policy, PolicySource, ResourceRef, Statement, StatementRef } from './model';
import { actionMatches } from './action';
import { firstFailingCondition } from './condition';
import { principalMatches } from './principal';
import { resourceStringMatches } from './resource';

export interface SourcedPolicy {
  readonly source: PolicySource;
  readonly policy: Policy;
}

export interface EvaluationInput {
  readonly policies: readonly SourcedPolicy[];
  /** `qcs::cam::uin/<root>:uin/<sub>`, or `qcs::cam::anyone:anyone` for an anonymous request. */
  readonly principal: string;
  /** `name/cos:GetObject` (the bare `cos:GetObject` works too). */
  readonly action: string;
  readonly resource: ResourceRef;
  readonly context: ConditionContext;
  /** Let a bucket-policy grant to the requester's root account cover this sub-user (cross-account only; see principal.ts). */
  readonly viaAccountRoot?: boolean;
}

/** Why a statement did or did not apply: what the console's simulator shows per statement. */
export type StatementTrace = StatementRef & {
  readonly effect: 'allow' | 'deny';
  readonly result: 'match' | 'principal' | 'action' | 'resource' | 'condition';
  /** Index of the first failing condition when result is `condition`. */
  readonly condition?: number;
};

function actionApplies(s: Statement, action: string): boolean {
  if (s.notActions) return !s.notActions.some((p) => actionMatches(p, action));
  return s.actions.some((p) => actionMatches(p, action));
}

function principalApplies(s: Statement, source: PolicySource, input: EvaluationInput): boolean {
  // Identity (CAM) and session policies carry no principal: they apply to whoever holds them.
  if (source !== 'bucket') return true;
  // A bucket statement without a principal (parsePolicy rejects it) grants nobody, but its deny still
  // applies to everybody: fail closed either way.
  if (!s.principals) return s.effect === 'deny';
  return principalMatches(s.principals, input.principal, input.viaAccountRoot ?? false);
}

function traceOne(s: Statement, ref: StatementRef, input: EvaluationInput): StatementTrace {
  const base = { ...ref, effect: s.effect };
  if (!principalApplies(s, ref.source, input)) return { ...base, result: 'principal' };
  if (!actionApplies(s, input.action)) return { ...base, result: 'action' };
  if (!s.resources.some((r) => resourceStringMatches(r, input.resource))) return { ...base, result: 'resource' };
  const failing = firstFailingCondition(s.conditions, input.context);
  return failing === undefined ? { ...base, result: 'match' } : { ...base, result: 'condition', condition: failing };
}

/** Every statement of every policy with the reason it did or did not apply, in order. */
export function traceStatements(input: EvaluationInput): StatementTrace[] {
  return input.policies.flatMap(({ source, policy }, policyIndex) =>
    policy.statements.map((s, statementIndex) =>
      traceOne(s, { source, policyIndex, statementIndex, ...(s.sid !== undefined ? { sid: s.sid } : {}) }, input),
    ),
  );
}

function refOf(t: StatementTrace): StatementRef {
  return { source: t.source, policyIndex: t.policyIndex, statementIndex: t.statementIndex, ...(t.sid !== undefined ? { sid: t.sid } : {}) };
}

/** Decides from a trace: the first matching deny, else the first matching allow, else implicit deny. */
export function decide(trace: readonly StatementTrace[]): Decision {
  const deny = trace.find((t) => t.result === 'match' && t.effect === 'deny');
  if (deny) return { effect: 'deny', by: refOf(deny) };
  const allow = trace.find((t) => t.result === 'match' && t.effect === 'allow');
  return allow ? { effect: 'allow', by: refOf(allow) } : { effect: 'implicit-deny' };
}

/** Evaluates the union of the given policies for one request. */
export function evaluate(input: EvaluationInput): Decision {
  return decide(traceStatements(input));
}
