// The one reading of a request's query string (docs/cos-behaviour.md "One reading of a request").
//
// The COS signature lower-cases parameter names before signing (436/7778), so `Prefix=a` and
// `prefix=a` carry the same signature. If the signature check, the policy condition keys and the
// operation read names by different rules, a signature issued for `?prefix=2024/` can be replayed as
// `?Prefix=2024/` — verified, matched by `cos:prefix`, and then listed as if no prefix were given.
// So every reader goes through this model, which has one rule for names:
// - a name is compared case-insensitively (`Prefix`, `PREFIX` and `prefix` are the same parameter);
// - a parameter appears at most once: `prefix=a&Prefix=b` (or `prefix=a&prefix=b`) is refused with
//   400 InvalidArgument, because readers that took the first and the last copy would disagree.
// Values are percent-decoded with decodeURIComponent only (`+` stays a plus: the SDKs encode spaces as
// %20); a parameter without `=` is distinct from `name=` for the reader (both sign as `name=`).
import { CosError } from '../shared/errors/cos-error';
import { safeDecode } from '../shared/signature/parse';

export interface QueryParam {
  /** As sent (decoded); compare through RequestQuery, never directly. */
  name: string;
  /** undefined when the parameter had no `=`. */
  value: string | undefined;
}

export class RequestQuery {
  private readonly byName: ReadonlyMap<string, QueryParam>;

  /** Throws InvalidArgument when a name occurs twice, in any case. */
  constructor(readonly params: readonly QueryParam[]) {
    const byName = new Map<string, QueryParam>();
    for (const p of params) {
      const lower = p.name.toLowerCase();
      const first = byName.get(lower);
      if (first) {
        throw new CosError('InvalidArgument', {
          message: first.name === p.name
            ? `The query parameter "${p.name}" is given more than once.`
            : `The query parameters "${first.name}" and "${p.name}" are the same parameter (names are case-insensitive); give it once.`,
        });
      }
      byName.set(lower, p);
    }
    this.byName = byName;
  }

  static readonly EMPTY = new RequestQuery([]);

  static parse(raw: string): RequestQuery {
    return new RequestQuery(parseParams(raw));
  }

  /** The value ('' when present without `=`), or undefined when absent. */
  get(name: string): string | undefined {
    const p = this.byName.get(name.toLowerCase());
    return p === undefined ? undefined : (p.value ?? '');
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  /** The parameter as sent, for the signature check. */
  param(name: string): QueryParam | undefined {
    return this.byName.get(name.toLowerCase());
  }

  get size(): number {
    return this.params.length;
  }

  /** A copy with some parameters removed and others set (authorization's second checks). */
  with(overrides: Readonly<Record<string, string | undefined>>): RequestQuery {
    const names = new Set(Object.keys(overrides).map((n) => n.toLowerCase()));
    const kept = this.params.filter((p) => !names.has(p.name.toLowerCase()));
    const added = Object.entries(overrides).flatMap(([name, value]) => (value === undefined ? [] : [{ name, value }]));
    return new RequestQuery([...kept, ...added]);
  }
}

function parseParams(raw: string): QueryParam[] {
  if (raw === '') return [];
  const params: QueryParam[] = [];
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) params.push({ name: safeDecode(part), value: undefined });
    else params.push({ name: safeDecode(part.slice(0, eq)), value: safeDecode(part.slice(eq + 1)) });
  }
  return params;
}
