// Condition evaluation (https://www.tencentcloud.com/document/product/436/46205, CAM 598/10608; our reading of
// missing keys: docs/cos-behaviour.md "Condition keys"). Within one condition the policy values
// are ORed (a negated operator is true when none matches); all conditions of a statement are ANDed.
import type { BaseOperator, Condition, ConditionContext } from './model';
import { globMatch } from './glob';
import { ipInCidr, parseCidr } from '../net/cidr';

type Family = 'string' | 'like' | 'numeric' | 'date' | 'bool' | 'ip';
type Cmp = (a: number) => boolean; // sign of (request - policy) → holds?

const OPS: Readonly<Record<Exclude<BaseOperator, 'null_equal'>, { family: Family; negated: boolean; cmp?: Cmp }>> = {
  string_equal: { family: 'string', negated: false },
  string_not_equal: { family: 'string', negated: true },
  string_like: { family: 'like', negated: false },
  string_not_like: { family: 'like', negated: true },
  numeric_equal: { family: 'numeric', negated: false, cmp: (d) => d === 0 },
  numeric_not_equal: { family: 'numeric', negated: true, cmp: (d) => d === 0 },
  numeric_less_than: { family: 'numeric', negated: false, cmp: (d) => d < 0 },
  numeric_less_than_equal: { family: 'numeric', negated: false, cmp: (d) => d <= 0 },
  // Strict, although the operator table of tencentcloud 436/39963 (sample 2) calls it "or equal": its
  // own example is strict (docs/cos-behaviour.md "Traps in the policy documentation" 9).
  numeric_greater_than: { family: 'numeric', negated: false, cmp: (d) => d > 0 },
  numeric_greater_than_equal: { family: 'numeric', negated: false, cmp: (d) => d >= 0 },
  date_equal: { family: 'date', negated: false, cmp: (d) => d === 0 },
  date_not_equal: { family: 'date', negated: true, cmp: (d) => d === 0 },
  date_less_than: { family: 'date', negated: false, cmp: (d) => d < 0 },
  date_less_than_equal: { family: 'date', negated: false, cmp: (d) => d <= 0 },
  date_greater_than: { family: 'date', negated: false, cmp: (d) => d > 0 },
  date_greater_than_equal: { family: 'date', negated: false, cmp: (d) => d >= 0 },
  bool_equal: { family: 'bool', negated: false },
  ip_equal: { family: 'ip', negated: false },
  ip_not_equal: { family: 'ip', negated: true },
};

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export function parseNumber(s: string): number | undefined {
  return NUMBER.test(s.trim()) ? Number(s) : undefined;
}

/** ISO 8601 to whole seconds (COS compares dates to the second: tencentcloud 436/46206, `cos:object-lock-retain-until-date`); no zone = UTC. */
export function parseDateSeconds(s: string): number | undefined {
  const t = s.trim();
  if (!ISO_DATE.test(t)) return undefined;
  let iso = t.replace(' ', 'T');
  if (iso.length > 10) {
    if (!/([zZ]|[+-]\d{2}:?\d{2})$/.test(iso)) iso += 'Z';
    iso = iso.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  }
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

const BOOL = /^(true|false)$/i;

/** Does one request value match one policy value? undefined when either side is not of the family. */
function compare(family: Family, cmp: Cmp | undefined, ignoreCase: boolean, req: string, pol: string): boolean | undefined {
  switch (family) {
    case 'string':
      return ignoreCase ? req.toLowerCase() === pol.toLowerCase() : req === pol;
    case 'like':
      return globMatch(pol, req, ignoreCase);
    case 'bool':
      return BOOL.test(req) && BOOL.test(pol) ? req.toLowerCase() === pol.toLowerCase() : undefined;
    case 'ip': {
      const cidr = parseCidr(pol);
      return cidr ? ipInCidr(req, cidr) : undefined;
    }
    case 'numeric':
    case 'date': {
      const parse = family === 'numeric' ? parseNumber : parseDateSeconds;
      const a = parse(req);
      const b = parse(pol);
      return a === undefined || b === undefined || !cmp ? undefined : cmp(Math.sign(a - b));
    }
  }
}

/** One request value against the whole value list of the condition. */
function holdsFor(c: Condition, req: string): boolean {
  if (c.operator === 'null_equal') return false; // handled by the caller
  const op = OPS[c.operator];
  const results = c.values.map((pol) => compare(op.family, op.cmp, c.ignoreCase, req, pol));
  // A request value that is not a number / date / IP / bool satisfies neither form of the operator.
  const valid = results.filter((r): r is boolean => r !== undefined);
  if (valid.length === 0) return false;
  const any = valid.includes(true);
  return op.negated ? !any : any;
}

/** The request's values for a key; `cos:versionid` "" is the same as no versionid (tencentcloud 436/46206). */
export function requestValues(ctx: ConditionContext, key: string): readonly string[] {
  const raw = ctx[key];
  const values = raw === undefined ? [] : typeof raw === 'string' ? [raw] : raw;
  return key === 'cos:versionid' ? values.filter((v) => v !== '') : values;
}

/** Evaluates one condition against the request. */
export function conditionHolds(c: Condition, ctx: ConditionContext): boolean {
  const values = requestValues(ctx, c.key);
  if (c.operator === 'null_equal') {
    const wantMissing = c.values.some((v) => v.toLowerCase() === 'true');
    return wantMissing === (values.length === 0);
  }
  if (values.length === 0) {
    // `_if_exist`: missing → true (tencentcloud 436/46206, `cos:versionid`). Plain operators, negated
    // ones included: missing → false (undocumented for the negated ones; docs/cos-behaviour.md
    // "Condition keys"). for_all_value: A = ∅ ⊆ B → true; for_any_value: A ∩ B = ∅ → false (the set
    // definitions of tencentcloud 436/46206, `qcs:request_tag`).
    return c.ifExist || c.quantifier === 'for_all_value';
  }
  return c.quantifier === 'for_all_value' ? values.every((v) => holdsFor(c, v)) : values.some((v) => holdsFor(c, v));
}

/** All conditions hold (an empty list holds). Returns the first that fails, for explanations. */
export function firstFailingCondition(cs: readonly Condition[], ctx: ConditionContext): number | undefined {
  const i = cs.findIndex((c) => !conditionHolds(c, ctx));
  return i < 0 ? undefined : i;
}
