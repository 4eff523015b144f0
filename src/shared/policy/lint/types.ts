// Findings of the bucket-policy linter (docs/policy-lint.md). Every finding names the exact JSON
// node it is about, as an offset/length into the text and as 1-based line/column positions in
// Monaco's convention (columns count UTF-16 code units, `endColumn` is one past the last character).
import type { JSONPath } from 'jsonc-parser';

/** Severities in the manner of IAM Access Analyzer's policy checks. */
export type Severity = 'error' | 'security-warning' | 'warning' | 'suggestion';

export interface TextEdit {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

export interface PolicyFix {
  readonly title: string;
  readonly titleZh: string;
  /** Non-overlapping edits against the linted text. */
  readonly edits: readonly TextEdit[];
}

export interface SourceRange {
  readonly offset: number;
  readonly length: number;
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export type PolicyFindingCode =
  // syntax and schema
  | 'json-syntax' | 'not-an-object' | 'type-mismatch' | 'empty-list' | 'missing-version' | 'bad-version'
  | 'missing-statement' | 'statement-not-array' | 'missing-effect' | 'bad-effect' | 'missing-action'
  | 'missing-resource' | 'missing-principal' | 'action-and-not-action' | 'unknown-element'
  | 'unknown-top-level-element' | 'duplicate-element' | 'element-case' | 'statement-too-large'
  // actions
  | 'damaged-action' | 'bad-action-format' | 'unknown-action' | 'wildcard-action'
  // principals
  | 'bad-principal' | 'principal-colon' | 'principal-unrecognised' | 'public-write' | 'public-list'
  | 'public-without-condition'
  // resources
  | 'bad-resource' | 'bucket-without-appid' | 'bucket-without-slash' | 'resource-outside-bucket'
  | 'object-action-on-bucket-resource' | 'bucket-action-on-object-resource'
  // statements
  | 'deny-shadows-allow' | 'duplicate-statement' | 'redundant-statement'
  // conditions
  | 'unknown-operator' | 'bad-condition-value' | 'unknown-condition-key' | 'condition-key-case'
  | 'condition-key-not-applicable' | 'condition-on-wildcard-action' | 'private-ip-range'
  | 'overlapping-ip-range';

export interface PolicyFinding extends SourceRange {
  readonly code: PolicyFindingCode;
  readonly severity: Severity;
  readonly message: string;
  readonly messageZh: string;
  /** JSON path of the node (`['statement', 0, 'action', 1]`); for a key finding, the path of its property. */
  readonly path: JSONPath;
  readonly fix?: PolicyFix;
}

/** The bucket the policy is for. */
export interface LintContext {
  readonly bucket: string;
  readonly region: string;
  readonly appId: string;
  /** The owner's root UIN, when known; accepted for the editor's convenience, no rule reads it yet. */
  readonly ownerUin?: string;
}
