// Action rules. Names are case-sensitive `name/cos:<Api>` ("请注意区分英文大小写",
// https://cloud.tencent.com/document/product/436/12469 and the catalogue of
// https://cloud.tencent.com/document/product/436/30580). Trap: copies of 436/30580 write
// `name/cos>DeleteObject` (docs/cos-behaviour.md "Traps in the policy documentation" 2).
import { COS_ACTIONS, canonicalAction, cosActionInfo, expandAction } from '../action';
import { type Findings, type Message, replaceNode } from './location';
import type { PolicyView } from './view';

const m = (en: string, zh: string): Message => ({ en, zh });

const DAMAGED = /^(name\/)?[a-z]+>/;
const FORM = /^(name\/)?[A-Za-z0-9_-]+:\S+$/;
const API_NAMES = COS_ACTIONS.map((a) => a.name.slice('name/cos:'.length));

/** Levenshtein distance (two rows). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** The catalogue API a misspelt one was probably meant to be: same letters in another case first, else the nearest within 3 edits. */
export function nearestApi(api: string): string | undefined {
  const lower = api.toLowerCase();
  const sameLetters = API_NAMES.find((n) => n.toLowerCase() === lower);
  if (sameLetters) return sameLetters;
  let best: { name: string; d: number } | undefined;
  for (const name of API_NAMES) {
    const d = editDistance(lower, name.toLowerCase());
    if (d <= Math.min(3, Math.floor(name.length / 3)) && (!best || d < best.d)) best = { name, d };
  }
  return best?.name;
}

/** `*`, `cos:*` and `name/cos:*`: every COS action. */
export const isAllCosActions = (action: string): boolean => action === '*' || canonicalAction(action) === 'cos:*';

export function lintActions(view: PolicyView, f: Findings): void {
  for (const s of view.statements) {
    for (const { value, node } of s.actions) {
      if (DAMAGED.test(value)) {
        const fixed = value.replace('>', ':');
        f.at(node, {
          code: 'damaged-action', severity: 'error',
          message: m(`"${value}" is not an action: the ":" was turned into ">"; did you mean "${fixed}"?`, `"${value}" 不是有效的操作名：":" 被写成了 ">"；是否应为 "${fixed}"？`),
          fix: replaceNode(node, JSON.stringify(fixed), m(`Replace with "${fixed}"`, `替换为 "${fixed}"`)),
        });
        continue;
      }
      if (value !== '*' && !FORM.test(value)) {
        const near = nearestApi(value);
        const fixed = near ? `name/cos:${near}` : undefined;
        f.at(node, {
          code: 'bad-action-format', severity: 'error',
          message: m(`"${value}" is not of the form name/cos:<Api>${fixed ? `; did you mean "${fixed}"?` : ''}`, `"${value}" 不符合 name/cos:<Api> 格式${fixed ? `；是否应为 "${fixed}"？` : ''}`),
          ...(fixed ? { fix: replaceNode(node, JSON.stringify(fixed), m(`Replace with "${fixed}"`, `替换为 "${fixed}"`)) } : {}),
        });
        continue;
      }
      const c = canonicalAction(value);
      if (isAllCosActions(value)) {
        if (s.effect === 'allow' && !s.notAction) {
          // "如果您直接授予 … 所有操作(action:*)权限，则存在 … 数据安全风险" (436/30580, the note at the top).
          f.at(node, {
            code: 'wildcard-action', severity: 'security-warning',
            message: m(`"${value}" allows every COS action, bucket deletion and policy changes included; list only the actions needed`, `"${value}" 允许所有 COS 操作（包括删除存储桶和修改策略）；请只列出所需的操作`),
          });
        }
        continue;
      }
      if (!c.startsWith('cos:')) continue; // another product's action: valid CAM, never matches COS
      if (c.includes('*')) {
        if (expandAction(value).length === 0) {
          f.at(node, {
            code: 'unknown-action', severity: 'warning',
            message: m(`"${value}" matches no known COS action (action names are case-sensitive)`, `"${value}" 不匹配任何已知的 COS 操作（操作名区分大小写）`),
          });
        }
        continue;
      }
      if (cosActionInfo(value)) continue;
      const near = nearestApi(c.slice(4));
      const prefix = value.startsWith('name/') ? 'name/cos:' : 'cos:';
      const fixed = near ? `${prefix}${near}` : undefined;
      f.at(node, {
        code: 'unknown-action', severity: 'warning',
        message: m(`"${value}" is not a COS action this console knows, so it matches no request${fixed ? `; did you mean "${fixed}"?` : ''}`, `"${value}" 不是已知的 COS 操作，不会匹配任何请求${fixed ? `；是否应为 "${fixed}"？` : ''}`),
        ...(fixed ? { fix: replaceNode(node, JSON.stringify(fixed), m(`Replace with "${fixed}"`, `替换为 "${fixed}"`)) } : {}),
      });
    }
  }
}
