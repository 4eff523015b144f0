// Schema and type rules, and the reading of the located view (view.ts). Grammar: "访问策略语言概述"
// https://cloud.tencent.com/document/product/436/18023 and the element table of
// https://cloud.tencent.com/document/product/436/12469. Trap: the PUT Bucket policy page's own
// example (https://cloud.tencent.com/document/api/436/8282) writes `Statement`, `Principal`,
// `Effect`, `Action`, `Resource` in PascalCase next to a lowercase `version`, while every guide
// writes lowercase; COS reads both (so does cos-local, parse-util.ts), hence a suggestion, not an error.
import type { Node } from 'jsonc-parser';
import { parseOperator } from '../operators';
import { parseResource } from '../resource';
import { type Findings, type Message, replaceNode } from './location';
import type { ConditionEntry, Located, PolicyView, StatementView } from './view';

const m = (en: string, zh: string): Message => ({ en, zh });

const TOP = ['version', 'statement', 'principal'] as const;
const STATEMENT = ['sid', 'effect', 'principal', 'action', 'not_action', 'resource', 'condition'] as const;
const squash = (k: string): string => k.replace(/_/g, '').toLowerCase();

type Elements = Map<string, Node>;

const keyOf = (prop: Node): string => String(prop.children?.[0]?.value ?? '');
const valueOf = (prop: Node): Node | undefined => prop.children?.[1];

/**
 * The element properties of an object, by canonical lowercase name. Reports other-case spellings
 * (with a fix), a second spelling of the same element, and unknown keys.
 */
function elements(obj: Node, names: readonly string[], f: Findings, unknown: (prop: Node) => void): Elements {
  const out: Elements = new Map();
  const bySquashed = new Map(names.map((n) => [squash(n), n]));
  for (const prop of obj.children ?? []) {
    const written = keyOf(prop);
    const name = bySquashed.get(squash(written));
    if (!name) {
      unknown(prop);
      continue;
    }
    if (out.has(name)) {
      f.atKey(prop, {
        code: 'duplicate-element', severity: 'error',
        message: m(`"${written}" repeats the element "${name}"; only one may be given`, `"${written}" 与元素 "${name}" 重复，只能出现一次`),
      });
      continue;
    }
    out.set(name, prop);
    const key = prop.children?.[0];
    if (written !== name && key) {
      f.atKey(prop, {
        code: 'element-case', severity: 'suggestion',
        message: m(`COS policies write element names in lowercase: "${name}", not "${written}"`, `COS 策略的元素名使用小写："${name}"，而不是 "${written}"`),
        fix: replaceNode(key, JSON.stringify(name), m(`Rename to "${name}"`, `改为 "${name}"`)),
      });
    }
  }
  return out;
}

function typeMismatch(node: Node, what: string, expected: Message, f: Findings): void {
  f.at(node, {
    code: 'type-mismatch', severity: 'error',
    message: m(`${what} must be ${expected.en}`, `${what} 必须是${expected.zh}`),
  });
}

const STRING_OR_LIST = m('a string or an array of strings', '字符串或字符串数组');

/** A string or a non-empty array of non-empty strings; undefined (after reporting) otherwise. */
function stringList(node: Node, what: string, f: Findings): Located<string>[] | undefined {
  if (node.type === 'string') return [{ value: String(node.value).trim(), node }];
  if (node.type !== 'array') {
    typeMismatch(node, what, STRING_OR_LIST, f);
    return undefined;
  }
  const items = node.children ?? [];
  if (items.length === 0) {
    f.at(node, { code: 'empty-list', severity: 'error', message: m(`${what} is an empty list`, `${what} 是空列表`) });
    return undefined;
  }
  let ok = true;
  const out: Located<string>[] = [];
  for (const item of items) {
    if (item.type === 'string' && String(item.value).trim() !== '') out.push({ value: String(item.value).trim(), node: item });
    else {
      typeMismatch(item, `${what} entries`, m('non-empty strings', '非空字符串'), f);
      ok = false;
    }
  }
  return ok ? out : undefined;
}

function readPrincipal(prop: Node, f: Findings): Located<string>[] | undefined {
  const v = valueOf(prop);
  if (!v) return undefined;
  if (v.type === 'string' && v.value === '*') return [{ value: '*', node: v }];
  const bad = (node: Node): undefined => {
    f.at(node, {
      code: 'bad-principal', severity: 'error',
      message: m('principal must be {"qcs": [ … ]} (or "*" for anyone)', 'principal 必须写成 {"qcs": [ … ]}（或用 "*" 表示所有人）'),
    });
    return undefined;
  };
  if (v.type !== 'object') return bad(v);
  const props = v.children ?? [];
  const qcs = props.find((p) => keyOf(p) === 'qcs');
  const extra = props.find((p) => keyOf(p) !== 'qcs');
  if (extra) return bad(extra.children?.[0] ?? extra);
  const list = qcs ? valueOf(qcs) : undefined;
  if (!list) return bad(v);
  return stringList(list, 'principal qcs', f);
}

function readEffect(prop: Node | undefined, stmt: Node, f: Findings): { effect?: 'allow' | 'deny'; node?: Node } {
  if (!prop) {
    f.atOpening(stmt, { code: 'missing-effect', severity: 'error', message: m('the statement has no "effect"', '该语句缺少 "effect"') });
    return {};
  }
  const v = valueOf(prop);
  if (!v) return {};
  // The COS console's generator writes "Allow" (436/54370 case 3); COS and cos-local read any case.
  const lower = v.type === 'string' ? String(v.value).toLowerCase() : undefined;
  if (lower === 'allow' || lower === 'deny') return { effect: lower, node: v };
  f.at(v, { code: 'bad-effect', severity: 'error', message: m('effect must be "allow" or "deny"', 'effect 必须是 "allow" 或 "deny"') });
  return { node: v };
}

const SCALAR = new Set(['string', 'number', 'boolean']);

function readConditions(prop: Node, f: Findings): ConditionEntry[] | undefined {
  const v = valueOf(prop);
  if (!v) return undefined;
  if (v.type !== 'object') {
    typeMismatch(v, 'condition', m('an object of operators', '以运算符为键的对象'), f);
    return undefined;
  }
  const out: ConditionEntry[] = [];
  let ok = true;
  for (const opProp of v.children ?? []) {
    const opName = keyOf(opProp);
    const parsed = parseOperator(opName);
    const keyNode = opProp.children?.[0];
    if (!parsed.ok) {
      const fixed = parsed.suggestion;
      f.atKey(opProp, {
        code: 'unknown-operator', severity: 'error',
        message: m(`unknown condition operator "${opName}"${fixed ? `; did you mean "${fixed}"?` : ''}`, `未知的条件运算符 "${opName}"${fixed ? `；是否应为 "${fixed}"？` : ''}`),
        ...(fixed && keyNode ? { fix: replaceNode(keyNode, JSON.stringify(fixed), m(`Replace with "${fixed}"`, `替换为 "${fixed}"`)) } : {}),
      });
      ok = false;
      continue;
    }
    const body = valueOf(opProp);
    if (!body || body.type !== 'object' || (body.children ?? []).length === 0) {
      if (body) typeMismatch(body, `"${opName}"`, m('an object mapping condition keys to values', '条件键到取值的非空对象'), f);
      ok = false;
      continue;
    }
    for (const keyProp of body.children ?? []) {
      const raw = valueOf(keyProp);
      if (!raw) continue;
      const items = raw.type === 'array' ? raw.children ?? [] : [raw];
      if (raw.type === 'array' && items.length === 0) {
        f.at(raw, { code: 'empty-list', severity: 'error', message: m('a condition needs at least one value', '条件至少需要一个取值') });
        ok = false;
        continue;
      }
      const bad = items.filter((i) => !SCALAR.has(i.type));
      for (const b of bad) typeMismatch(b, 'condition values', m('strings, numbers or booleans', '字符串、数字或布尔值'), f);
      if (bad.length > 0) {
        ok = false;
        continue;
      }
      out.push({ operator: opProp, spec: parsed.spec, keyProp, key: keyOf(keyProp), values: items.map((i) => ({ value: String(i.value), node: i })) });
    }
  }
  return ok ? out : undefined;
}

function readStatement(node: Node, index: number, inherited: readonly Located<string>[] | undefined, f: Findings): StatementView | undefined {
  if (node.type !== 'object') {
    typeMismatch(node, 'a statement', m('an object', '对象'), f);
    return undefined;
  }
  const el = elements(node, STATEMENT, f, (prop) => {
    // Ignoring NotResource or NotPrincipal would widen the grant: cos-local refuses them (parse-statement.ts).
    f.atKey(prop, {
      code: 'unknown-element', severity: 'error',
      message: m(`"${keyOf(prop)}" is not an element of a COS policy statement`, `"${keyOf(prop)}" 不是 COS 策略语句的元素`),
    });
  });
  let complete = true;
  const sid = el.get('sid');
  const sidV = sid ? valueOf(sid) : undefined;
  if (sidV && sidV.type !== 'string' && sidV.type !== 'number') typeMismatch(sidV, 'sid', m('a string', '字符串'), f);
  const { effect, node: effectNode } = readEffect(el.get('effect'), node, f);
  if (!effect) complete = false;

  const principalProp = el.get('principal');
  let principals = inherited;
  if (principalProp) {
    principals = readPrincipal(principalProp, f);
    if (!principals) complete = false;
  } else if (!inherited) {
    // A bucket policy statement must name whom it is about (436/18023, "principal"; cos-local: parse.ts).
    f.atOpening(node, { code: 'missing-principal', severity: 'error', message: m('the statement has no "principal"', '该语句缺少 "principal"') });
    complete = false;
  }

  const actionProp = el.get('action');
  const notActionProp = el.get('not_action');
  let actions: Located<string>[] | undefined;
  if (actionProp && notActionProp) {
    f.atKey(notActionProp, { code: 'action-and-not-action', severity: 'error', message: m('use either "action" or "not_action", not both', '"action" 与 "not_action" 只能二选一') });
    complete = false;
  }
  const actionValue = (actionProp ?? notActionProp) ? valueOf((actionProp ?? notActionProp) as Node) : undefined;
  if (!actionProp && !notActionProp) {
    f.atOpening(node, { code: 'missing-action', severity: 'error', message: m('the statement has no "action"', '该语句缺少 "action"') });
    complete = false;
  } else if (actionValue) {
    actions = stringList(actionValue, 'action', f);
    if (!actions) complete = false;
  }

  const resourceProp = el.get('resource');
  let resources: StatementView['resources'] = [];
  if (!resourceProp) {
    f.atOpening(node, { code: 'missing-resource', severity: 'error', message: m('the statement has no "resource"', '该语句缺少 "resource"') });
    complete = false;
  } else {
    const v = valueOf(resourceProp);
    const list = v ? stringList(v, 'resource', f) : undefined;
    if (list) resources = list.map((r) => ({ ...r, parsed: parseResource(r.value) }));
    else complete = false;
  }

  const conditionProp = el.get('condition');
  let conditions: ConditionEntry[] = [];
  if (conditionProp) {
    const c = readConditions(conditionProp, f);
    if (c) conditions = c;
    else complete = false;
  }
  return {
    index, node, complete,
    ...(effect ? { effect } : {}),
    ...(effectNode ? { effectNode } : {}),
    ...(principals ? { principals } : {}),
    actions: actions ?? [],
    notAction: !actionProp && notActionProp !== undefined,
    resources,
    ...(conditionProp ? { conditionProp } : {}),
    conditions,
  };
}

function checkVersion(root: Node, prop: Node | undefined, f: Findings): void {
  if (!prop) {
    const hasMembers = (root.children ?? []).length > 0;
    f.atOpening(root, {
      code: 'missing-version', severity: 'error',
      message: m('the policy has no "version"; COS policies are "version": "2.0"', '策略缺少 "version"；COS 策略应为 "version": "2.0"'),
      fix: {
        title: 'Add "version": "2.0"', titleZh: '添加 "version": "2.0"',
        edits: [{ offset: root.offset + 1, length: 0, text: hasMembers ? '"version": "2.0", ' : '"version": "2.0"' }],
      },
    });
    return;
  }
  const v = valueOf(prop);
  if (v && !(v.type === 'string' && v.value === '2.0')) {
    // "version … 目前仅允许值为 2.0" (436/18023); a JSON number 2.0 is not the string.
    f.at(v, {
      code: 'bad-version', severity: 'error',
      message: m('version must be the string "2.0"', 'version 必须是字符串 "2.0"'),
      fix: replaceNode(v, '"2.0"', m('Set to "2.0"', '改为 "2.0"')),
    });
  }
}

function readStatements(prop: Node | undefined, root: Node, inherited: readonly Located<string>[] | undefined, f: Findings): StatementView[] {
  if (!prop) {
    f.atOpening(root, { code: 'missing-statement', severity: 'error', message: m('the policy has no "statement"', '策略缺少 "statement"') });
    return [];
  }
  const v = valueOf(prop);
  if (!v) return [];
  if (v.type === 'object') {
    // The syntax pages describe one statement; every COS example writes an array (docs/cos-behaviour.md
    // "Traps in the policy documentation" 4).
    f.at(v, {
      code: 'statement-not-array', severity: 'warning',
      message: m('"statement" should be an array of statements', '"statement" 应为语句数组'),
      fix: { title: 'Wrap in [ ]', titleZh: '用 [ ] 包起来', edits: [{ offset: v.offset, length: 0, text: '[' }, { offset: v.offset + v.length, length: 0, text: ']' }] },
    });
    const s = readStatement(v, 0, inherited, f);
    return s ? [s] : [];
  }
  if (v.type !== 'array') {
    typeMismatch(v, 'statement', m('an array of statements', '语句数组'), f);
    return [];
  }
  if ((v.children ?? []).length === 0) {
    f.at(v, { code: 'empty-list', severity: 'error', message: m('the policy has no statements and grants nothing; delete the policy instead', '策略没有任何语句，不授予任何权限；如需清空请直接删除策略') });
  }
  const out: StatementView[] = [];
  (v.children ?? []).forEach((s, i) => {
    const view = readStatement(s, i, inherited, f);
    if (view) out.push(view);
  });
  return out;
}

/** Reads the policy, reporting schema and type findings; undefined when the root is not an object. */
export function readPolicy(root: Node, f: Findings): PolicyView | undefined {
  if (root.type !== 'object') {
    f.at(root, { code: 'not-an-object', severity: 'error', message: m('a policy is a JSON object', '策略必须是 JSON 对象') });
    return undefined;
  }
  const el = elements(root, TOP, f, (prop) => {
    f.atKey(prop, {
      code: 'unknown-top-level-element', severity: 'warning',
      message: m(`"${keyOf(prop)}" is not a policy element and is ignored`, `"${keyOf(prop)}" 不是策略元素，将被忽略`),
    });
  });
  checkVersion(root, el.get('version'), f);
  const topPrincipal = el.get('principal');
  const inherited = topPrincipal ? readPrincipal(topPrincipal, f) : undefined;
  return { root, statements: readStatements(el.get('statement'), root, inherited, f) };
}
