// The `action` element (or `not_action`): case-sensitive names `name/<product>:<Api>` with `*` globs
// (tencentcloud 436/12469, "Core elements"); `cos:X` without `name/` is valid (see action.ts).
import { COS_ACTIONS, canonicalAction, cosActionInfo, expandAction } from './action';
import { type Diagnostics, type Field, ptr, stringList } from './parse-util';

// `name/cos>DeleteObject`: a damaged `name/cos:DeleteObject` found in copies of the COS guides
// (docs/cos-behaviour.md "Traps in the policy documentation" 2).
const DAMAGED = /^(name\/)?[a-z]+>/;

function lintOne(action: string, path: string, d: Diagnostics): boolean {
  if (DAMAGED.test(action)) {
    const fixed = action.replace('>', ':');
    d.error(path, 'damaged-action', `"${action}" is not an action; did you mean "${fixed}"?`, fixed);
    return false;
  }
  if (action !== '*' && !/^(name\/)?[A-Za-z0-9_-]+:\S+$/.test(action)) {
    d.error(path, 'bad-action', `"${action}" is not of the form name/<product>:<Api>`);
    return false;
  }
  const c = canonicalAction(action);
  if (!c.startsWith('cos:') || c.includes('*')) {
    if (c.startsWith('cos:') && expandAction(action).length === 0) d.warn(path, 'unknown-action', `"${action}" matches no known COS action (actions are case-sensitive)`);
    return true; // another product (`monitor:*`, as in tencentcloud 436/11714's samples) is valid CAM and never matches COS
  }
  if (!cosActionInfo(action)) {
    const near = COS_ACTIONS.find((a) => a.name.toLowerCase() === `name/${c}`.toLowerCase());
    if (near) d.warn(path, 'action-case', `actions are case-sensitive: "${action}" never matches; did you mean "${near.name}"?`, near.name);
    else d.warn(path, 'unknown-action', `"${action}" is not a COS action this engine knows`);
  }
  return true;
}

export interface ParsedActions {
  readonly actions: readonly string[];
  readonly notActions?: readonly string[];
}

/** Exactly one of `action` and `not_action`. */
export function parseActions(actionF: Field | undefined, notActionF: Field | undefined, base: string, d: Diagnostics): ParsedActions | undefined {
  if (actionF && notActionF) {
    d.error(notActionF.path, 'action-and-not-action', 'use either action or not_action, not both');
    return undefined;
  }
  const f = actionF ?? notActionF;
  if (!f) {
    d.error(ptr(base, 'action'), 'bad-action', 'action is required');
    return undefined;
  }
  const items = stringList(f, 'action', 'bad-action', d);
  if (!items) return undefined;
  const results = items.map(({ value, path }) => lintOne(value, path, d));
  if (results.includes(false)) return undefined;
  const list = items.map((i) => i.value);
  if (actionF) return { actions: list };
  d.warn(f.path, 'not-action-unverified', 'not_action is AWS grammar; the COS/CAM documentation never uses it');
  return { actions: [], notActions: list };
}
