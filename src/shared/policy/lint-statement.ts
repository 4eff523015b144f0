// Condition-key lints that need the whole statement. Guideline (https://www.tencentcloud.com/document/product/436/46206,
// the note at the top): put condition keys
// only on the actions they apply to, and not on `action: "*"`, because requests of other actions do
// not carry the key and the condition then fails. Used by parse.ts (Lint) and lint/conditions.ts (located findings).
import type { Statement } from './model';
import { expandAction } from './action';
import { conditionKeyInfo } from './condition-keys';
import type { Diagnostics } from './parse-util';

export interface KeyProblem {
  /** Index into the statement's conditions. */
  readonly index: number;
  readonly key: string;
  readonly code: 'key-not-applicable' | 'condition-on-wildcard-action';
  /** Short names of the statement's actions that carry the key (empty for key-not-applicable). */
  readonly carrying: readonly string[];
  /** Short names of the actions the key applies to. */
  readonly appliesTo: readonly string[];
}

/** Condition keys that none (or, under a wildcard, not all) of the statement's actions carry. */
export function statementKeyProblems(stmt: Pick<Statement, 'actions' | 'notActions'> & { readonly conditions: readonly { readonly key: string }[] }): KeyProblem[] {
  const patterns = stmt.notActions ?? stmt.actions;
  const covered = new Map(patterns.flatMap((p) => expandAction(p)).map((a) => [a.name, a]));
  if (stmt.notActions || covered.size === 0) return [];
  const wildcard = patterns.some((p) => p.includes('*'));
  const out: KeyProblem[] = [];
  stmt.conditions.forEach((c, index) => {
    const info = conditionKeyInfo(c.key);
    if (!info || info.appliesTo === 'all') return;
    const carrying = [...covered.values()].filter((a) => a.conditionKeys.includes(c.key)).map((a) => a.name.slice(9));
    if (carrying.length === 0) out.push({ index, key: c.key, code: 'key-not-applicable', carrying, appliesTo: info.appliesTo });
    else if (wildcard && carrying.length < covered.size) out.push({ index, key: c.key, code: 'condition-on-wildcard-action', carrying, appliesTo: info.appliesTo });
  });
  return out;
}

export function lintStatementKeys(stmt: Statement, conditionPath: string, d: Diagnostics): void {
  for (const p of statementKeyProblems(stmt)) {
    if (p.code === 'key-not-applicable') {
      d.warn(conditionPath, 'key-not-applicable', `no action of this statement carries "${p.key}" (it applies to ${p.appliesTo.join(', ')})`);
    } else {
      d.warn(conditionPath, 'condition-on-wildcard-action', `"${p.key}" is set only for ${p.carrying.join(', ')}; other actions matched by the wildcard never carry it`);
    }
  }
}
