// lintPolicyText: the bucket-policy linter of the console's policy editor. Rules and their reasons:
// docs/policy-lint.md. Pure and isomorphic (no DOM, no node:*): one strict JSON parse with
// jsonc-parser, a located view of the policy (schema.ts), then one module per rule family.
import { lintActions } from './actions';
import { lintConditions } from './conditions';
import { Findings, LineMap } from './location';
import { lintPrincipals } from './principals';
import { lintResources } from './resources';
import { readPolicy } from './schema';
import { lintSize } from './size';
import { lintStatements } from './statements';
import { parseStrict } from './syntax';
import type { LintContext, PolicyFinding, Severity } from './types';

export type { LintContext, PolicyFinding, PolicyFindingCode, PolicyFix, Severity, SourceRange, TextEdit } from './types';
export { applyEdits } from './location';
export { STATEMENT_MAX_BYTES } from './size';

const RANK: Readonly<Record<Severity, number>> = { error: 0, 'security-warning': 1, warning: 2, suggestion: 3 };

/** Lints a bucket policy's text for the given bucket. Findings are sorted by position, then severity. */
export function lintPolicyText(text: string, context: LintContext): PolicyFinding[] {
  const f = new Findings(new LineMap(text));
  const root = parseStrict(text, f);
  const view = root ? readPolicy(root, f) : undefined;
  if (view) {
    lintSize(text, view, f);
    lintActions(view, f);
    lintPrincipals(view, f);
    lintResources(view, context, f);
    lintConditions(view, f);
    lintStatements(view, f);
  }
  // A policy-level principal is shared by every statement: a finding on it is reported once.
  const seen = new Set<string>();
  const unique = f.list.filter((x) => {
    const id = `${x.code}@${x.offset}+${x.length}`;
    return !seen.has(id) && Boolean(seen.add(id));
  });
  return unique.sort((a, b) => a.offset - b.offset || RANK[a.severity] - RANK[b.severity] || a.code.localeCompare(b.code));
}
