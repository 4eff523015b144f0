// Query-string parsing that keeps what signature checking needs: every parameter in order, a
// parameter without `=` distinct from `name=` (both sign as `name=`), values percent-decoded with
// decodeURIComponent only (`+` stays a plus: the SDKs encode spaces as %20).
import { safeDecode } from '../shared/signature/parse';

export interface QueryParam {
  name: string;
  /** undefined when the parameter had no `=`. */
  value: string | undefined;
}

export function parseQuery(raw: string): QueryParam[] {
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

/** The first value of a parameter ('' when present without `=`), or undefined when absent. */
export function queryValue(query: readonly QueryParam[], name: string): string | undefined {
  const p = query.find((q) => q.name === name);
  return p === undefined ? undefined : (p.value ?? '');
}
