// The `condition` element: `{ "<operator>": { "<key>": value | [values] } }`
// (https://www.tencentcloud.com/document/product/436/46205).
import type { BaseOperator, Condition } from './model';
import type { KeyType } from './condition-keys';
import { conditionKeyInfo, suggestConditionKey } from './condition-keys';
import { parseDateSeconds, parseNumber } from './condition';
import { parseCidr } from '../net/cidr';
import { parseOperator } from './operators';
import { type Diagnostics, type Field, isObject, ptr } from './parse-util';

function familyOf(op: BaseOperator): KeyType | 'any' {
  if (op === 'null_equal') return 'any';
  if (op.startsWith('string_')) return 'string';
  if (op.startsWith('numeric_')) return 'numeric';
  if (op.startsWith('date_')) return 'date';
  return op === 'bool_equal' ? 'bool' : 'ip';
}

const VALID: Readonly<Record<KeyType | 'any', (v: string) => boolean>> = {
  string: () => true,
  numeric: (v) => parseNumber(v) !== undefined,
  date: (v) => parseDateSeconds(v) !== undefined,
  ip: (v) => parseCidr(v) !== undefined,
  bool: (v) => /^(true|false)$/i.test(v),
  any: (v) => /^(true|false)$/i.test(v),
};

/** JSON numbers and booleans are written as such in COS's examples (`"cos:content-length": 10`, tencentcloud 436/46206). */
function valueList(f: Field, d: Diagnostics): string[] | undefined {
  const items: unknown[] = Array.isArray(f.value) ? f.value : [f.value];
  if (items.length === 0) {
    d.error(f.path, 'bad-condition-value', 'a condition needs at least one value');
    return undefined;
  }
  const out: string[] = [];
  items.forEach((v, i) => {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out.push(String(v));
    else d.error(Array.isArray(f.value) ? ptr(f.path, i) : f.path, 'bad-condition-value', 'condition values must be strings, numbers or booleans');
  });
  return out.length === items.length ? out : undefined;
}

function checkKey(key: string, op: BaseOperator, quantified: boolean, path: string, d: Diagnostics): void {
  const info = conditionKeyInfo(key);
  if (!info) {
    const suggestion = suggestConditionKey(key);
    if (suggestion) d.warn(path, 'condition-key-case', `condition keys are case-sensitive (CAM 598/58420): "${key}" is never set; did you mean "${suggestion}"?`, suggestion);
    else d.warn(path, 'unknown-condition-key', `"${key}" is not a COS condition key this engine knows; the request never carries it`);
    return;
  }
  const family = familyOf(op);
  if (family !== 'any' && !info.types.includes(family)) {
    d.warn(path, 'operator-type-mismatch', `${op} compares ${family} values but "${key}" is ${info.types.join('/')}`);
  }
  if (quantified && !info.multiValued) {
    d.warn(path, 'quantifier-single-valued-key', `"${key}" has one value per request; for_all_value is then true when the key is missing, which an allow statement rarely intends`);
  }
}

/** Parses the condition block; undefined when it is malformed (errors already recorded). */
export function parseConditions(f: Field, d: Diagnostics): Condition[] | undefined {
  if (!isObject(f.value)) {
    d.error(f.path, 'bad-condition', 'condition must be an object of operators');
    return undefined;
  }
  const out: Condition[] = [];
  let ok = true;
  for (const [opName, body] of Object.entries(f.value)) {
    const opPath = ptr(f.path, opName);
    const parsed = parseOperator(opName);
    if (!parsed.ok) {
      d.error(opPath, 'unknown-operator', parsed.message, parsed.suggestion);
      ok = false;
      continue;
    }
    if (!isObject(body) || Object.keys(body).length === 0) {
      d.error(opPath, 'bad-condition', `"${opName}" must map condition keys to values`);
      ok = false;
      continue;
    }
    const family = familyOf(parsed.spec.operator);
    for (const [key, raw] of Object.entries(body)) {
      const keyPath = ptr(opPath, key);
      const values = valueList({ value: raw, path: keyPath }, d);
      if (!values) {
        ok = false;
        continue;
      }
      const bad = values.find((v) => !VALID[family](v));
      if (bad !== undefined) {
        d.error(keyPath, 'bad-condition-value', `"${bad}" is not a valid ${family === 'any' ? 'true/false' : family} value for ${opName}`);
        ok = false;
        continue;
      }
      checkKey(key, parsed.spec.operator, parsed.spec.quantifier !== undefined, keyPath, d);
      out.push({ ...parsed.spec, key, values });
    }
  }
  return ok ? out : undefined;
}
