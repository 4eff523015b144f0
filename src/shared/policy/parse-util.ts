// Helpers shared by the parse-* modules: a per-call diagnostics collector, JSON pointers, and
// element lookup that accepts both CAM lowercase keys (tencentcloud 436/46206, the note at the top)
// and the COS console's PascalCase (`Statement`, `Effect` …, 436/54370 case 3;
// docs/cos-behaviour.md "Traps in the policy documentation" 11).
import type { Lint, LintCode } from './model';

/** Collects lints for one parsePolicy call; never shared between calls. */
export class Diagnostics {
  readonly errors: Lint[] = [];
  readonly warnings: Lint[] = [];
  /** Set when any element was written in PascalCase. */
  pascal = false;

  error(path: string, code: LintCode, message: string, suggestion?: string): void {
    this.errors.push(suggestion === undefined ? { path, code, message } : { path, code, message, suggestion });
  }

  warn(path: string, code: LintCode, message: string, suggestion?: string): void {
    this.warnings.push(suggestion === undefined ? { path, code, message } : { path, code, message, suggestion });
  }
}

/** Appends segments to a JSON pointer, escaping `~` and `/` (RFC 6901). */
export function ptr(base: string, ...segments: (string | number)[]): string {
  return segments.reduce<string>((p, s) => `${p}/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`, base);
}

export type JsonObject = Readonly<Record<string, unknown>>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `not_action` → `NotAction`, `statement` → `Statement`. */
export function pascalOf(name: string): string {
  return name.split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

export interface Field {
  readonly value: unknown;
  readonly path: string;
}

/** Looks an element up under its lowercase or PascalCase name; both at once is an error. */
export function field(obj: JsonObject, name: string, base: string, d: Diagnostics): Field | undefined {
  const pascal = pascalOf(name);
  // A JS caller's `{ principal: undefined }` means "absent", as it would after JSON.stringify.
  const hasLower = obj[name] !== undefined;
  const hasPascal = pascal !== name && obj[pascal] !== undefined;
  if (hasLower && hasPascal) d.error(ptr(base, pascal), 'duplicate-element', `"${name}" and "${pascal}" are both present`);
  if (hasLower) return { value: obj[name], path: ptr(base, name) };
  if (hasPascal) {
    d.pascal = true;
    return { value: obj[pascal], path: ptr(base, pascal) };
  }
  return undefined;
}

/** Keys of `obj` that are none of the given element names (in either spelling). */
export function unknownKeys(obj: JsonObject, names: readonly string[]): string[] {
  const known = new Set(names.flatMap((n) => [n, pascalOf(n)]));
  return Object.keys(obj).filter((k) => !known.has(k));
}

/** A string or a non-empty array of strings (`action`, `resource`, principal `qcs`; tencentcloud 436/12469). */
export function stringList(f: Field, what: string, code: LintCode, d: Diagnostics): readonly { value: string; path: string }[] | undefined {
  const items = Array.isArray(f.value) ? f.value : [f.value];
  const paths = Array.isArray(f.value) ? items.map((_, i) => ptr(f.path, i)) : [f.path];
  if (items.length === 0) {
    d.error(f.path, code, `${what} is empty`);
    return undefined;
  }
  const out: { value: string; path: string }[] = [];
  items.forEach((v, i) => {
    const path = paths[i] ?? f.path;
    if (typeof v === 'string' && v.trim() !== '') out.push({ value: v.trim(), path });
    else d.error(path, code, `${what} entries must be non-empty strings`);
  });
  return out.length === items.length ? out : undefined;
}
