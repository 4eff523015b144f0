// Condition rules: keys (COS's table and examples: https://www.tencentcloud.com/document/product/436/46205
// and https://www.tencentcloud.com/document/product/436/46206; condition-keys.ts),
// value types, and `qcs:ip` ranges (src/shared/net/cidr.ts). Traps: the condition example of 436/46205
// allows "10.217.182.3/24", a private range that a request from the Internet never comes from, and
// keys are case-sensitive although a heading of 436/46206 writes `Cos:Host`.
import type { BaseOperator } from '../model';
import { conditionKeyInfo, suggestConditionKey } from '../condition-keys';
import { parseDateSeconds, parseNumber } from '../condition';
import { statementKeyProblems } from '../lint-statement';
import { type Cidr, ipInCidr, readCidr } from '../../net/cidr';
import { type Findings, type Message, replaceNode } from './location';
import type { PolicyView, StatementView } from './view';

const m = (en: string, zh: string): Message => ({ en, zh });

type Family = 'string' | 'numeric' | 'date' | 'bool' | 'ip' | 'null';

function familyOf(op: BaseOperator): Family {
  if (op === 'null_equal') return 'null';
  if (op.startsWith('string_')) return 'string';
  if (op.startsWith('numeric_')) return 'numeric';
  if (op.startsWith('date_')) return 'date';
  return op === 'bool_equal' ? 'bool' : 'ip';
}

const PRIVATE: readonly Cidr[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((t) => {
  const r = readCidr(t);
  if (!r.ok) throw new Error(t);
  return r.value;
});

/** The RFC 1918 block a range lies in, if any. */
export function privateBlockOf(c: Cidr): string | undefined {
  const i = PRIVATE.findIndex((p) => c.bits >= p.bits && ipInCidr(c.address, p));
  return i < 0 ? undefined : ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'][i];
}

/** Do two ranges share an address? Families never overlap. */
export function rangesOverlap(a: Cidr, b: Cidr): boolean {
  return a.address.kind() === b.address.kind() && ipInCidr(a.address, { address: b.address, bits: Math.min(a.bits, b.bits) });
}

function valueProblem(family: Family, v: string): Message | undefined {
  switch (family) {
    case 'numeric': return parseNumber(v) === undefined ? m(`"${v}" is not a number`, `"${v}" 不是数字`) : undefined;
    case 'date': return parseDateSeconds(v) === undefined ? m(`"${v}" is not an ISO 8601 date`, `"${v}" 不是 ISO 8601 日期`) : undefined;
    case 'bool':
    case 'null': return /^(true|false)$/i.test(v) ? undefined : m(`"${v}" is not true or false`, `"${v}" 不是 true 或 false`);
    case 'ip': {
      const r = readCidr(v);
      return r.ok ? undefined : m(`"${v}" is not an IP address or CIDR range: ${r.reason}`, `"${v}" 不是 IP 地址或 CIDR 网段`);
    }
    default: return undefined;
  }
}

function lintKeys(s: StatementView, f: Findings): void {
  for (const c of s.conditions) {
    const keyNode = c.keyProp.children?.[0];
    if (conditionKeyInfo(c.key) || !keyNode) continue;
    const suggestion = suggestConditionKey(c.key);
    if (suggestion) {
      f.atKey(c.keyProp, {
        code: 'condition-key-case', severity: 'warning',
        message: m(`condition keys are case-sensitive: "${c.key}" is never set; did you mean "${suggestion}"?`, `条件键区分大小写："${c.key}" 永远不会出现在请求中；是否应为 "${suggestion}"？`),
        fix: replaceNode(keyNode, JSON.stringify(suggestion), m(`Replace with "${suggestion}"`, `替换为 "${suggestion}"`)),
      });
    } else {
      f.atKey(c.keyProp, {
        code: 'unknown-condition-key', severity: 'warning',
        message: m(`"${c.key}" is not a COS condition key; requests never carry it`, `"${c.key}" 不是 COS 条件键，请求中永远不会携带它`),
      });
    }
  }
  if (s.notAction) return;
  const problems = statementKeyProblems({ actions: s.actions.map((a) => a.value), conditions: s.conditions });
  for (const p of problems) {
    const c = s.conditions[p.index];
    if (!c) continue;
    if (p.code === 'key-not-applicable') {
      f.atKey(c.keyProp, {
        code: 'condition-key-not-applicable', severity: 'warning',
        message: m(`no action of this statement carries "${p.key}" (only ${p.appliesTo.join(', ')} do), so the condition never holds`, `该语句的操作都不携带 "${p.key}"（只有 ${p.appliesTo.join('、')} 携带），条件永远不成立`),
      });
    } else {
      f.atKey(c.keyProp, {
        code: 'condition-on-wildcard-action', severity: 'warning',
        message: m(`"${p.key}" is carried only by ${p.carrying.join(', ')}; the other actions the wildcard matches never satisfy this condition`, `"${p.key}" 只由 ${p.carrying.join('、')} 携带；通配符匹配的其他操作永远不满足该条件`),
      });
    }
  }
}

function lintValues(s: StatementView, f: Findings): void {
  for (const c of s.conditions) {
    const family = familyOf(c.spec.operator);
    const ranges: { cidr: Cidr; text: string }[] = [];
    for (const { value, node } of c.values) {
      const problem = valueProblem(family, value);
      if (problem) {
        f.at(node, { code: 'bad-condition-value', severity: 'error', message: m(`${problem.en} (operator ${c.spec.operator})`, `${problem.zh}（运算符 ${c.spec.operator}）`) });
        continue;
      }
      if (family !== 'ip' || c.key !== 'qcs:ip') continue;
      const r = readCidr(value);
      if (!r.ok) continue;
      const block = privateBlockOf(r.value);
      if (block) {
        f.at(node, {
          code: 'private-ip-range', severity: 'warning',
          message: m(`"${value}" is a private range (${block}): COS sees the public address a request arrives from, so requests from the Internet never match it`, `"${value}" 是私有网段（${block}）：COS 看到的是请求到达时的公网地址，来自互联网的请求永远不会匹配它`),
        });
      }
      const earlier = ranges.find((x) => rangesOverlap(x.cidr, r.value));
      if (earlier) {
        f.at(node, {
          code: 'overlapping-ip-range', severity: 'warning',
          message: m(`"${value}" overlaps "${earlier.text}" in the same condition; one range covers the other's addresses`, `"${value}" 与同一条件中的 "${earlier.text}" 重叠`),
        });
      }
      ranges.push({ cidr: r.value, text: value });
    }
  }
}

export function lintConditions(view: PolicyView, f: Findings): void {
  for (const s of view.statements) {
    lintKeys(s, f);
    lintValues(s, f);
  }
}
