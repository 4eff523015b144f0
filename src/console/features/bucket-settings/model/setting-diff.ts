// The diff the history and the rollback dialog show between two values of a setting: each value as
// pretty JSON with its object keys sorted at every level (so a reordered key is no change, and the
// same value always reads the same), compared line by line. "None" is the empty text, so a setting
// that appears shows as all-added and one deleted as all-removed.
import { diffLines } from 'diff';
import { isNone, type TrackedSetting } from '../../../../shared/settings/codecs';

/** JSON with keys sorted at every level, two-space indented; undefined object members are left out. */
export function prettyStableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value ?? null;
}

/** The text a value of a setting is diffed as: '' for none (codecs.ts isNone), else its pretty JSON and a newline. */
export function settingText(setting: TrackedSetting, value: unknown): string {
  return isNone(setting, value) ? '' : `${prettyStableJson(value)}\n`;
}

export type DiffRow =
  | { kind: 'added' | 'removed' | 'same'; text: string }
  /** A run of unchanged lines left out, between two shown ones. */
  | { kind: 'skipped'; count: number };

/**
 * One row per line from `before` to `after`; unchanged runs longer than `2 × context + 1` lines keep
 * `context` lines on each side of a change and are otherwise folded into one 'skipped' row (when
 * nothing changed, every line is shown).
 */
export function diffRows(before: string, after: string, context = 3): DiffRow[] {
  const lines: { kind: 'added' | 'removed' | 'same'; text: string }[] = [];
  for (const part of diffLines(before, after)) {
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'same';
    const text = part.value.endsWith('\n') ? part.value.slice(0, -1) : part.value;
    for (const line of text.split('\n')) lines.push({ kind, text: line });
  }
  // Nothing changed: the whole value, nothing folded away.
  if (lines.every((l) => l.kind === 'same')) return lines;
  const rows: DiffRow[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as (typeof lines)[number];
    if (line.kind !== 'same') {
      rows.push(line);
      i += 1;
      continue;
    }
    let end = i;
    while (end < lines.length && lines[end]?.kind === 'same') end += 1;
    const run = lines.slice(i, end);
    const keepHead = i === 0 ? 0 : context;
    const keepTail = end === lines.length ? 0 : context;
    if (run.length > keepHead + keepTail + 1) {
      rows.push(...run.slice(0, keepHead), { kind: 'skipped', count: run.length - keepHead - keepTail }, ...run.slice(run.length - keepTail));
    } else {
      rows.push(...run);
    }
    i = end;
  }
  return rows;
}

/** How many lines a diff adds and removes (for a one-line summary). */
export function diffCounts(rows: readonly DiffRow[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const r of rows) {
    if (r.kind === 'added') added += 1;
    else if (r.kind === 'removed') removed += 1;
  }
  return { added, removed };
}
