// The normalised COS/CAM access-policy model. Grammar: https://www.tencentcloud.com/document/product/436/12469 ("Policy
// Syntax") and https://www.tencentcloud.com/document/product/436/18023; operators: CAM 598/10608 and
// https://www.tencentcloud.com/document/product/436/46205; keys: condition-keys.ts. Everything here is plain readonly data
// produced by parse.ts. Summary: docs/cos-behaviour.md "Authorization".

export type Effect = 'allow' | 'deny';

/** Where a policy comes from; decides whether `principal` is read (bucket) or ignored (identity, session). */
export type PolicySource = 'bucket' | 'identity' | 'session';

/** Operator families, in COS snake_case (CAM 598/10608 plus `string_like`, used on `cos:content-type` in tencentcloud 436/73579). */
export const BASE_OPERATORS = [
  'string_equal', 'string_not_equal', 'string_like', 'string_not_like',
  'numeric_equal', 'numeric_not_equal', 'numeric_less_than', 'numeric_less_than_equal',
  'numeric_greater_than', 'numeric_greater_than_equal',
  'date_equal', 'date_not_equal', 'date_less_than', 'date_less_than_equal',
  'date_greater_than', 'date_greater_than_equal',
  'bool_equal', 'ip_equal', 'ip_not_equal', 'null_equal',
] as const;
export type BaseOperator = (typeof BASE_OPERATORS)[number];

export type Quantifier = 'for_any_value' | 'for_all_value';

export interface Condition {
  readonly operator: BaseOperator;
  readonly key: string;
  /** Always strings: JSON numbers and booleans are stringified (`10` → "10"; tencentcloud 436/46206 writes `cos:content-length` values as numbers). */
  readonly values: readonly string[];
  /** `_if_exist`: a missing key makes the condition true (tencentcloud 436/46206, `cos:versionid`). */
  readonly ifExist: boolean;
  /** `_ignore_case` (string operators only; tencentcloud 436/46206, `cos:content-type`). */
  readonly ignoreCase: boolean;
  readonly quantifier?: Quantifier;
}

export interface Statement {
  readonly sid?: string;
  readonly effect: Effect;
  /** Normalised qcs principal strings; undefined when the statement names none (identity policies). */
  readonly principals?: readonly string[];
  /** Action patterns as written (`name/cos:GetObject`, `cos:Put*`, `*`); empty when notActions is used. */
  readonly actions: readonly string[];
  readonly notActions?: readonly string[];
  /** Resource patterns, normalised (the legacy `prefix//` form is rewritten, see resource.ts). */
  readonly resources: readonly string[];
  readonly conditions: readonly Condition[];
}

export interface Policy {
  readonly version: '2.0';
  readonly statements: readonly Statement[];
}

/** One diagnostic. `path` is a JSON pointer into the input as written (`/Statement/0/Action/1`). */
export interface Lint {
  readonly path: string;
  readonly code: LintCode;
  readonly message: string;
  /** A replacement the editor can offer (e.g. `name/cos:DeleteObject` for `name/cos>DeleteObject`). */
  readonly suggestion?: string;
}

export type LintCode =
  // errors
  | 'invalid-json' | 'not-an-object' | 'too-large' | 'bad-version' | 'bad-statement' | 'bad-effect'
  | 'bad-action' | 'damaged-action' | 'action-and-not-action' | 'bad-resource' | 'bad-principal'
  | 'missing-principal' | 'bad-condition' | 'unknown-operator' | 'bad-condition-value'
  | 'unknown-element' | 'duplicate-element' | 'bad-key-pattern'
  // warnings
  | 'single-statement-object' | 'empty-statement' | 'principal-single-colon' | 'principal-ignored'
  | 'principal-unrecognised' | 'unknown-condition-key' | 'condition-key-case' | 'unknown-action'
  | 'action-case' | 'foreign-resource' | 'bucket-without-slash' | 'bucket-appid-mismatch'
  | 'pascal-case-keys' | 'unknown-top-level-element' | 'quantifier-single-valued-key'
  | 'key-not-applicable' | 'condition-on-wildcard-action' | 'operator-type-mismatch'
  | 'not-action-unverified' | 'size-unverified' | 'wildcard-action' | 'wildcard-resource';

/**
 * What a request is evaluated against. `key` undefined is the bucket itself (bucket-level APIs use the
 * `…/<bucket>/` resource); `{ service: true }` is GET Service, whose only resource is `*`
 * (both: https://www.tencentcloud.com/document/product/436/30580).
 */
export type ResourceRef =
  | { readonly region: string; readonly appId: string; readonly bucket: string; readonly key?: string }
  | { readonly service: true };

/** Condition keys of one request (`qcs:ip`, `cos:prefix`, …); undefined or absent = missing. */
export type ConditionContext = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface StatementRef {
  readonly source: PolicySource;
  /** Index in the `policies` array handed to evaluate (several identity policies can apply). */
  readonly policyIndex: number;
  readonly statementIndex: number;
  readonly sid?: string;
}

export type Decision =
  | { readonly effect: 'allow'; readonly by: StatementRef }
  | { readonly effect: 'deny'; readonly by: StatementRef }
  | { readonly effect: 'implicit-deny' };
