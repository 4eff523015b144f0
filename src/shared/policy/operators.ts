// Condition operator names: COS snake_case `[for_any_value:|for_all_value:]<base>[_ignore_case][_if_exist]`
// (https://www.tencentcloud.com/document/product/436/46205), and the AWS PascalCase the COS console's generator
// emits (`ForAllValues:StringEquals`, https://cloud.tencent.com/document/product/436/54370 case 3;
// docs/cos-behaviour.md "Traps in the policy documentation" 11), mapped onto it.
import { BASE_OPERATORS, type BaseOperator, type Quantifier } from './model';

export interface OperatorSpec {
  readonly operator: BaseOperator;
  readonly ifExist: boolean;
  readonly ignoreCase: boolean;
  readonly quantifier?: Quantifier;
}

export type OperatorParse =
  | { readonly ok: true; readonly spec: OperatorSpec }
  | { readonly ok: false; readonly message: string; readonly suggestion?: string };

const BASES: ReadonlySet<string> = new Set(BASE_OPERATORS);

const AWS: Readonly<Record<string, string>> = {
  StringEquals: 'string_equal', StringNotEquals: 'string_not_equal',
  StringEqualsIgnoreCase: 'string_equal_ignore_case', StringNotEqualsIgnoreCase: 'string_not_equal_ignore_case',
  StringLike: 'string_like', StringNotLike: 'string_not_like',
  NumericEquals: 'numeric_equal', NumericNotEquals: 'numeric_not_equal',
  NumericLessThan: 'numeric_less_than', NumericLessThanEquals: 'numeric_less_than_equal',
  NumericGreaterThan: 'numeric_greater_than', NumericGreaterThanEquals: 'numeric_greater_than_equal',
  DateEquals: 'date_equal', DateNotEquals: 'date_not_equal', DateLessThan: 'date_less_than',
  DateLessThanEquals: 'date_less_than_equal', DateGreaterThan: 'date_greater_than',
  DateGreaterThanEquals: 'date_greater_than_equal',
  Bool: 'bool_equal', IpAddress: 'ip_equal', NotIpAddress: 'ip_not_equal', Null: 'null_equal',
};
const AWS_QUANTIFIERS: Readonly<Record<string, Quantifier>> = { ForAnyValue: 'for_any_value', ForAllValues: 'for_all_value' };

/** Rewrites an AWS-style name (`ForAllValues:StringEqualsIfExists`) to COS snake_case, or returns it unchanged. */
export function fromAwsOperator(name: string): string {
  const colon = name.indexOf(':');
  const prefix = colon < 0 ? '' : name.slice(0, colon);
  let body = colon < 0 ? name : name.slice(colon + 1);
  const q = AWS_QUANTIFIERS[prefix];
  if (colon >= 0 && !q) return name;
  const ifExists = body.endsWith('IfExists');
  if (ifExists) body = body.slice(0, -'IfExists'.length);
  const base = AWS[body];
  if (!base) return name;
  return `${q ? `${q}:` : ''}${base}${ifExists ? '_if_exist' : ''}`;
}

/** Parses an operator as written in a policy. */
export function parseOperator(written: string): OperatorParse {
  return parseExact(written) ?? unknown(written);
}

function parseExact(written: string): OperatorParse | undefined {
  const name = fromAwsOperator(written);
  let rest = name;
  let quantifier: Quantifier | undefined;
  for (const q of ['for_any_value', 'for_all_value'] as const) {
    if (rest.startsWith(`${q}:`)) {
      quantifier = q;
      rest = rest.slice(q.length + 1);
      break;
    }
  }
  const ifExist = rest.endsWith('_if_exist');
  if (ifExist) rest = rest.slice(0, -'_if_exist'.length);
  const ignoreCase = rest.endsWith('_ignore_case');
  if (ignoreCase) rest = rest.slice(0, -'_ignore_case'.length);
  if (!BASES.has(rest)) return undefined;
  const operator = rest as BaseOperator;
  if (ignoreCase && !operator.startsWith('string_')) {
    return { ok: false, message: `"${written}": _ignore_case applies to string operators only` };
  }
  if (operator === 'null_equal' && (ifExist || quantifier)) {
    return { ok: false, message: `"${written}": null_equal takes no _if_exist or quantifier` };
  }
  return { ok: true, spec: { operator, ifExist, ignoreCase, ...(quantifier ? { quantifier } : {}) } };
}

/** Known misspellings: `_if_exists` (docs/cos-behaviour.md "Traps in the policy documentation" 8), plural bases, swapped suffixes. */
function unknown(written: string): OperatorParse {
  const candidates = [
    written.replace(/_if_exists$/, '_if_exist'),
    written.replace(/_if_exist_ignore_case$/, '_ignore_case_if_exist'),
    written.replace(/_equals(?=$|_)/, '_equal'),
    written.replace(/^for_any_values:/, 'for_any_value:').replace(/^for_all_values:/, 'for_all_value:'),
    written.toLowerCase(),
  ];
  const suggestion = candidates.find((c) => c !== written && parseExact(c)?.ok === true);
  const message = `unknown condition operator "${written}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`;
  return suggestion ? { ok: false, message, suggestion } : { ok: false, message };
}

/** The snake_case name of a parsed operator (what serialisation writes back). */
export function formatOperator(spec: OperatorSpec): string {
  const q = spec.quantifier ? `${spec.quantifier}:` : '';
  return `${q}${spec.operator}${spec.ignoreCase ? '_ignore_case' : ''}${spec.ifExist ? '_if_exist' : ''}`;
}
