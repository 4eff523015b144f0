// The generator's view of the policy draft, and its edits. The draft is JSON text that the JSON tab
// edits freely; the generator reads the parts it models (each statement's effect, principals,
// action / not_action, resources and conditions) and writes back only the part an edit touches.
// Everything else — `sid`, unknown keys, key order, statement order, PascalCase element names (the
// COS console's own generator writes them: https://cloud.tencent.com/document/product/436/54370),
// a single string where an array would do (allowed by https://cloud.tencent.com/document/product/436/12469)
// — is carried over from the parsed object as it was. Element names are looked up in both spellings,
// as src/shared/policy/parse-util.ts does.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface ConditionRow {
  /** The operator as written (`string_like`, `for_any_value:string_equal`, `IpAddress` …). */
  readonly operator: string;
  readonly key: string;
  /** Values as strings (JSON numbers and booleans stringified, as the policy model does). */
  readonly values: readonly string[];
}

export interface StatementView {
  readonly index: number;
  /** False when the statement is not a JSON object: shown, never edited. */
  readonly editable: boolean;
  readonly sid?: string;
  /** As written, lower-cased: `allow`, `deny`, or anything else (lint reports it). */
  readonly effect: string;
  readonly principals: readonly string[];
  /** `not_action` when the statement uses it (the list is then what it excludes). */
  readonly actionMode: 'action' | 'not_action';
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly conditions: readonly ConditionRow[];
  /** The condition block is present but not an operator → key → values object: not edited. */
  readonly conditionsUnreadable: boolean;
}

export type DocView =
  | { readonly ok: true; readonly doc: JsonObject; readonly statements: readonly StatementView[]; readonly empty: boolean }
  | { readonly ok: false; readonly reason: 'invalid-json' | 'not-an-object' | 'statement-not-list'; readonly message: string };

export function isObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const pascal = (name: string): string => name.split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

/** The key an element is stored under in `obj` (lowercase first, as parse-util's `field`), if any. */
export function elementKey(obj: JsonObject, name: string): string | undefined {
  if (obj[name] !== undefined) return name;
  const p = pascal(name);
  return obj[p] !== undefined ? p : undefined;
}

const ELEMENTS = ['version', 'statement', 'sid', 'effect', 'principal', 'action', 'not_action', 'resource', 'condition'];

/** The key a new element gets: the object's own style (PascalCase when its known elements are written so). */
function newKey(obj: JsonObject, name: string): string {
  const keys = Object.keys(obj);
  const pascalUsed = ELEMENTS.some((e) => keys.includes(pascal(e)));
  const lowerUsed = ELEMENTS.some((e) => keys.includes(e));
  return pascalUsed && !lowerUsed ? pascal(name) : name;
}

function get(obj: JsonObject, name: string): JsonValue | undefined {
  const k = elementKey(obj, name);
  return k === undefined ? undefined : obj[k];
}

const scalarString = (v: JsonValue): string | undefined =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;

function stringsOf(v: JsonValue | undefined): string[] {
  if (v === undefined) return [];
  const items = Array.isArray(v) ? v : [v];
  return items.map(scalarString).filter((s): s is string => s !== undefined);
}

function principalsOf(v: JsonValue | undefined): string[] {
  if (v === undefined) return [];
  if (typeof v === 'string') return [v];
  if (isObject(v)) return stringsOf(v['qcs']);
  return [];
}

function conditionsOf(v: JsonValue | undefined): { rows: ConditionRow[]; unreadable: boolean } {
  if (v === undefined) return { rows: [], unreadable: false };
  if (!isObject(v)) return { rows: [], unreadable: true };
  const rows: ConditionRow[] = [];
  let unreadable = false;
  for (const [operator, body] of Object.entries(v)) {
    if (!isObject(body)) {
      unreadable = true;
      continue;
    }
    for (const [key, values] of Object.entries(body)) rows.push({ operator, key, values: stringsOf(values) });
  }
  return { rows, unreadable };
}

function statementView(raw: JsonValue, index: number): StatementView {
  if (!isObject(raw)) {
    return { index, editable: false, effect: '', principals: [], actionMode: 'action', actions: [], resources: [], conditions: [], conditionsUnreadable: false };
  }
  const sid = get(raw, 'sid');
  const notAction = get(raw, 'not_action');
  const cond = conditionsOf(get(raw, 'condition'));
  const effect = get(raw, 'effect');
  return {
    index,
    editable: true,
    ...(sid !== undefined && scalarString(sid) !== undefined ? { sid: scalarString(sid) } : {}),
    effect: typeof effect === 'string' ? effect.toLowerCase() : '',
    principals: principalsOf(get(raw, 'principal')),
    actionMode: notAction !== undefined && get(raw, 'action') === undefined ? 'not_action' : 'action',
    actions: stringsOf(notAction !== undefined && get(raw, 'action') === undefined ? notAction : get(raw, 'action')),
    resources: stringsOf(get(raw, 'resource')),
    conditions: cond.rows,
    conditionsUnreadable: cond.unreadable,
  };
}

function statementList(doc: JsonObject): JsonValue[] | 'single' | undefined {
  const s = get(doc, 'statement');
  if (s === undefined) return undefined;
  if (Array.isArray(s)) return s;
  return isObject(s) ? 'single' : undefined;
}

/** Reads the draft. An empty draft is an empty policy (the first edit creates version and statement). */
export function readDoc(text: string): DocView {
  if (text.trim() === '') return { ok: true, doc: {}, statements: [], empty: true };
  let parsed: JsonValue;
  try {
    parsed = JSON.parse(text) as JsonValue;
  } catch (e) {
    return { ok: false, reason: 'invalid-json', message: e instanceof Error ? e.message : String(e) };
  }
  if (!isObject(parsed)) return { ok: false, reason: 'not-an-object', message: 'a policy is a JSON object' };
  const raw = get(parsed, 'statement');
  const list = statementList(parsed);
  if (raw !== undefined && list === undefined) return { ok: false, reason: 'statement-not-list', message: 'statement is neither a list nor an object' };
  const items = list === 'single' ? [raw as JsonValue] : (list ?? []);
  return { ok: true, doc: parsed, statements: items.map(statementView), empty: false };
}

/** The text the generator writes: two-space JSON, as the section shows a stored policy. */
export function writeDoc(doc: JsonObject): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

// --- edits ---------------------------------------------------------------------------------------

export type StatementEdit =
  | { readonly kind: 'effect'; readonly effect: 'allow' | 'deny' }
  | { readonly kind: 'principals'; readonly principals: readonly string[] }
  | { readonly kind: 'actions'; readonly actions: readonly string[] }
  | { readonly kind: 'resources'; readonly resources: readonly string[] }
  | { readonly kind: 'conditions'; readonly conditions: readonly ConditionRow[] };

export type DocEdit =
  | { readonly kind: 'statement'; readonly index: number; readonly edit: StatementEdit }
  | { readonly kind: 'add'; readonly statements: readonly JsonObject[] }
  | { readonly kind: 'remove'; readonly index: number };

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * A list written back in the old value's shape: a lone string stays a lone string while the list has
 * one entry; numbers and booleans that read the same are kept as they were.
 */
function listValue(old: JsonValue | undefined, next: readonly string[]): JsonValue {
  if (old !== undefined && sameList(stringsOf(old), next)) return old;
  if (old !== undefined && !Array.isArray(old) && next.length === 1) return next[0] ?? '';
  const oldItems = old === undefined ? [] : Array.isArray(old) ? old : [old];
  return next.map((v) => oldItems.find((o) => scalarString(o) === v) ?? v);
}

/** Sets (or removes, with undefined) an element in place: its key and position are kept. */
function setElement(obj: JsonObject, name: string, value: JsonValue | undefined): JsonObject {
  const key = elementKey(obj, name) ?? newKey(obj, name);
  if (value === undefined) {
    const { [key]: _dropped, ...rest } = obj;
    return rest;
  }
  return { ...obj, [key]: value };
}

function effectValue(old: JsonValue | undefined, effect: 'allow' | 'deny'): JsonValue {
  if (typeof old === 'string' && old.toLowerCase() === effect) return old;
  // Keep the old spelling's style: "Allow" (the COS console's generator) or "allow" (CAM).
  return typeof old === 'string' && /^[A-Z]/.test(old) ? effect.charAt(0).toUpperCase() + effect.slice(1) : effect;
}

function principalValue(old: JsonValue | undefined, next: readonly string[]): JsonValue {
  if (old !== undefined && sameList(principalsOf(old), next)) return old;
  if (isObject(old)) {
    const k = 'qcs';
    return { ...old, [k]: listValue(old[k], next) };
  }
  return { qcs: [...next] };
}

function conditionValue(old: JsonValue | undefined, rows: readonly ConditionRow[]): JsonValue | undefined {
  const oldRows = conditionsOf(old).rows;
  if (isObject(old) && oldRows.length === rows.length && oldRows.every((r, i) => {
    const n = rows[i];
    return n !== undefined && r.operator === n.operator && r.key === n.key && sameList(r.values, n.values);
  })) return old;
  if (rows.length === 0) return undefined;
  const out: JsonObject = {};
  for (const row of rows) {
    const oldBody = isObject(old) ? old[row.operator] : undefined;
    const oldValue = isObject(oldBody) ? oldBody[row.key] : undefined;
    const body = out[row.operator];
    const next: JsonObject = isObject(body) ? body : {};
    next[row.key] = listValue(oldValue, row.values);
    out[row.operator] = next;
  }
  return out;
}

function editStatement(stmt: JsonObject, edit: StatementEdit): JsonObject {
  switch (edit.kind) {
    case 'effect':
      return setElement(stmt, 'effect', effectValue(get(stmt, 'effect'), edit.effect));
    case 'principals':
      return setElement(stmt, 'principal', principalValue(get(stmt, 'principal'), edit.principals));
    case 'actions': {
      const name = get(stmt, 'action') === undefined && get(stmt, 'not_action') !== undefined ? 'not_action' : 'action';
      return setElement(stmt, name, listValue(get(stmt, name), edit.actions));
    }
    case 'resources':
      return setElement(stmt, 'resource', listValue(get(stmt, 'resource'), edit.resources));
    case 'conditions':
      return setElement(stmt, 'condition', conditionValue(get(stmt, 'condition'), edit.conditions));
  }
}

/** Applies one edit to the parsed document; every part the edit does not touch is the same object. */
export function applyDocEdit(doc: JsonObject, edit: DocEdit): JsonObject {
  const base: JsonObject = Object.keys(doc).length === 0 ? { version: '2.0', statement: [] } : doc;
  const current = get(base, 'statement');
  const list: JsonValue[] = Array.isArray(current) ? current : isObject(current) ? [current] : [];
  let next: JsonValue[];
  switch (edit.kind) {
    case 'statement': {
      const target = list[edit.index];
      if (!isObject(target)) return doc;
      const edited = editStatement(target, edit.edit);
      if (!Array.isArray(current)) return setElement(base, 'statement', edited);
      next = list.map((s, i) => (i === edit.index ? edited : s));
      break;
    }
    case 'add':
      next = [...list, ...edit.statements];
      break;
    case 'remove':
      next = list.filter((_, i) => i !== edit.index);
      break;
  }
  return setElement(base, 'statement', next);
}

/** Text in, text out: the JSON tab's draft after one generator edit, or undefined when it does not parse. */
export function editDraft(text: string, edit: DocEdit): string | undefined {
  const view = readDoc(text);
  if (!view.ok) return undefined;
  return writeDoc(applyDocEdit(view.doc, edit));
}
