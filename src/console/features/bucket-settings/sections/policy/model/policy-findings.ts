// The findings the policy editor shows: the shared policy linter's (docs/policy-lint.md), which the
// editor marks at their exact ranges and lists with their quick fixes.
export { applyEdits, lintPolicyText as findingsOf, type LintContext as FindingContext, type PolicyFinding } from '../../../../../../shared/policy/lint';
