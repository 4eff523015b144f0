// The located view of a policy that every rule family reads: each element's JSON node next to its
// value, so that a rule can report exactly the node it is about. Built by schema.ts.
import type { Node } from 'jsonc-parser';
import type { OperatorSpec } from '../operators';
import type { ParsedResource } from '../resource';

export interface Located<T> {
  readonly value: T;
  readonly node: Node;
}

export interface ConditionEntry {
  /** The operator property (`"ip_equal": {…}`). */
  readonly operator: Node;
  readonly spec: OperatorSpec;
  /** The key property (`"qcs:ip": […]`). */
  readonly keyProp: Node;
  readonly key: string;
  /** Values as strings (JSON numbers and booleans stringified, as parse-condition.ts reads them). */
  readonly values: readonly Located<string>[];
}

export interface StatementView {
  readonly index: number;
  readonly node: Node;
  /** `allow`/`deny`; undefined when missing or invalid. */
  readonly effect?: 'allow' | 'deny';
  readonly effectNode?: Node;
  /** The statement's own principal strings (as written, trimmed), or the policy-level ones. */
  readonly principals?: readonly Located<string>[];
  readonly actions: readonly Located<string>[];
  readonly notAction: boolean;
  readonly resources: readonly (Located<string> & { readonly parsed: ParsedResource })[];
  /** The `condition` property, when present. */
  readonly conditionProp?: Node;
  readonly conditions: readonly ConditionEntry[];
  /** True when every element read without an error: cross-statement rules use only these. */
  readonly complete: boolean;
}

export interface PolicyView {
  readonly root: Node;
  readonly statements: readonly StatementView[];
}
