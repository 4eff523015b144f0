// Rules across statements: a deny that makes an allow dead, duplicates, and statements another one
// already grants. Evaluation order (deny wins over allow, whatever the order of statements):
// https://cloud.tencent.com/document/product/436/18023 ("effect") and evaluate.ts.
import type { Node } from 'jsonc-parser';
import { canonicalAction } from '../action';
import { globMatch } from '../glob';
import { formatOperator } from '../operators';
import { ANYONE, normalisePrincipal } from '../principal';
import type { Findings, Message } from './location';
import type { PolicyFix } from './types';
import type { PolicyView, StatementView } from './view';

const m = (en: string, zh: string): Message => ({ en, zh });

const principalOf = (p: string): string => {
  const n = normalisePrincipal(p);
  return n.ok ? n.principal : p;
};
const resourceOf = (r: StatementView['resources'][number]): string => (r.parsed.ok ? r.parsed.normalised : r.value);

/** A statement as a comparable string: the order of list entries and of conditions does not matter, the sid is ignored. */
function signature(s: StatementView): string {
  const set = (xs: readonly string[]): string[] => [...new Set(xs)].sort();
  return JSON.stringify([
    s.effect, s.notAction,
    set((s.principals ?? []).map((p) => principalOf(p.value))),
    set(s.actions.map((a) => canonicalAction(a.value))),
    set(s.resources.map(resourceOf)),
    set(s.conditions.map((c) => JSON.stringify([formatOperator(c.spec), c.key, set(c.values.map((v) => v.value))]))),
  ]);
}

/** Does `outer` (unconditioned) apply to every request `inner` applies to? Literal glob subsumption. */
function covers(outer: StatementView, inner: StatementView): boolean {
  if (outer.notAction || inner.notAction || outer.conditions.length > 0) return false;
  const outerPrincipals = (outer.principals ?? []).map((p) => principalOf(p.value));
  const anyone = outerPrincipals.includes(ANYONE);
  const principals = (inner.principals ?? []).every((p) => anyone || outerPrincipals.includes(principalOf(p.value)));
  const actions = inner.actions.every((a) => outer.actions.some((o) => globMatch(canonicalAction(o.value), canonicalAction(a.value))));
  const resources = inner.resources.every((r) => outer.resources.some((o) => globMatch(resourceOf(o), resourceOf(r))));
  return principals && actions && resources;
}

/** Removes a statement from its array, with the comma that separates it. */
export function removeStatementFix(node: Node, title: Message): PolicyFix {
  const siblings = node.parent?.type === 'array' ? node.parent.children ?? [] : [];
  const i = siblings.indexOf(node);
  const prev = i > 0 ? siblings[i - 1] : undefined;
  const next = siblings[i + 1];
  let edit = { offset: node.offset, length: node.length, text: '' };
  if (prev) edit = { offset: prev.offset + prev.length, length: node.offset + node.length - (prev.offset + prev.length), text: '' };
  else if (next) edit = { offset: node.offset, length: next.offset - node.offset, text: '' };
  return { title: title.en, titleZh: title.zh, edits: [edit] };
}

const REMOVE = m('Remove this statement', '删除该语句');

export function lintStatements(view: PolicyView, f: Findings): void {
  const usable = view.statements.filter((s) => s.complete && s.effect);
  const flagged = new Set<StatementView>();
  const seen = new Map<string, StatementView>();
  for (const s of usable) {
    const sig = signature(s);
    const first = seen.get(sig);
    if (!first) {
      seen.set(sig, s);
      continue;
    }
    flagged.add(s);
    f.at(s.node, {
      code: 'duplicate-statement', severity: 'warning',
      message: m(`this statement repeats statement ${first.index + 1}`, `该语句与第 ${first.index + 1} 条语句重复`),
      fix: removeStatementFix(s.node, REMOVE),
    });
  }
  for (const s of usable) {
    if (flagged.has(s)) continue;
    const wider = usable.find((o) => o !== s && !flagged.has(o) && o.effect === s.effect && covers(o, s));
    if (wider) {
      flagged.add(s);
      f.at(s.node, {
        code: 'redundant-statement', severity: 'suggestion',
        message: m(`statement ${wider.index + 1} already ${s.effect === 'allow' ? 'allows' : 'denies'} everything this statement does, unconditionally`, `第 ${wider.index + 1} 条语句已无条件地${s.effect === 'allow' ? '允许' : '拒绝'}了该语句的全部内容`),
        fix: removeStatementFix(s.node, REMOVE),
      });
    }
  }
  for (const s of usable) {
    if (s.effect !== 'allow' || !s.effectNode) continue;
    const deny = usable.find((o) => o.effect === 'deny' && covers(o, s));
    if (deny) {
      f.at(s.effectNode, {
        code: 'deny-shadows-allow', severity: 'warning',
        message: m(`statement ${deny.index + 1} denies, without conditions, everything this statement allows; a deny always wins, so this allow never takes effect`, `第 ${deny.index + 1} 条语句无条件地拒绝了该语句允许的全部内容；拒绝总是优先，因此该允许永远不会生效`),
      });
    }
  }
}
