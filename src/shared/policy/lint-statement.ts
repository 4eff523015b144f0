// Condition-key lints that need the whole statement. Guideline (https://www.tencentcloud.com/document/product/436/46206,
// the note at the top): put condition keys
// only on the actions they apply to, and not on `action: "*"`, because requests of other actions do
// not carry the key and the condition then fails.
import type { Statement } from './model';
import { expandAction } from './action';
import { conditionKeyInfo } from './condition-keys';
import type { Diagnostics } from './parse-util';

export function lintStatementKeys(stmt: Statement, conditionPath: string, d: Diagnostics): void {
  const patterns = stmt.notActions ?? stmt.actions;
  const covered = new Map(patterns.flatMap((p) => expandAction(p)).map((a) => [a.name, a]));
  if (stmt.notActions || covered.size === 0) return;
  const wildcard = patterns.some((p) => p.includes('*'));
  for (const c of stmt.conditions) {
    const info = conditionKeyInfo(c.key);
    if (!info || info.appliesTo === 'all') continue;
    const path = conditionPath;
    const carrying = [...covered.values()].filter((a) => a.conditionKeys.includes(c.key));
    if (carrying.length === 0) {
      d.warn(path, 'key-not-applicable', `no action of this statement carries "${c.key}" (it applies to ${info.appliesTo.join(', ')})`);
    } else if (wildcard && carrying.length < covered.size) {
      d.warn(path, 'condition-on-wildcard-action', `"${c.key}" is set only for ${carrying.map((a) => a.name.slice(9)).join(', ')}; other actions matched by the wildcard never carry it`);
    }
  }
}
