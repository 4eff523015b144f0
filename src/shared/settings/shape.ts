// A small description of the JSON shape of each setting, written once and used three ways: to check a
// document's structure (with a path to each problem), to serialize it with a stable key order, and to
// build the canonical value two configurations are compared by (lists COS treats as sets sorted).

export type Shape =
  | { kind: 'string'; values?: readonly string[] }
  | { kind: 'array'; of: Shape; set?: true }
  | { kind: 'object'; fields: readonly Field[] }
  /** Objects told apart by a string field (`kind` of a lifecycle filter). */
  | { kind: 'tagged'; tag: string; variants: Readonly<Record<string, readonly Field[]>> };

export interface Field {
  name: string;
  shape: Shape;
  optional?: true;
}

export interface PathError {
  path: string;
  reason: string;
}

export const str = (values?: readonly string[]): Shape => (values ? { kind: 'string', values } : { kind: 'string' });
export const list = (of: Shape, set?: true): Shape => (set ? { kind: 'array', of, set } : { kind: 'array', of });
export const obj = (...fields: Field[]): Shape => ({ kind: 'object', fields });
export const req = (name: string, shape: Shape): Field => ({ name, shape });
export const opt = (name: string, shape: Shape): Field => ({ name, shape, optional: true });

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

function checkFields(v: Record<string, unknown>, fields: readonly Field[], path: string, errors: PathError[], skip?: string): void {
  const known = new Set(fields.map((f) => f.name));
  for (const k of Object.keys(v)) {
    if (k !== skip && !known.has(k)) errors.push({ path: `${path}.${k}`, reason: 'unknown key' });
  }
  for (const f of fields) {
    const child = v[f.name];
    if (child === undefined) {
      if (!f.optional) errors.push({ path: `${path}.${f.name}`, reason: 'required' });
      continue;
    }
    checkShape(child, f.shape, `${path}.${f.name}`, errors);
  }
}

/** Appends every structural problem of `v` against `shape`; paths are `a.b[0].c`. */
export function checkShape(v: unknown, shape: Shape, path: string, errors: PathError[]): void {
  switch (shape.kind) {
    case 'string':
      if (typeof v !== 'string') errors.push({ path, reason: `expected a string, got ${describe(v)}` });
      else if (shape.values && !shape.values.includes(v)) errors.push({ path, reason: `must be one of ${shape.values.join(', ')}` });
      return;
    case 'array':
      if (!Array.isArray(v)) errors.push({ path, reason: `expected an array, got ${describe(v)}` });
      else v.forEach((item, i) => checkShape(item, shape.of, `${path}[${i}]`, errors));
      return;
    case 'object':
      if (!isRecord(v)) errors.push({ path, reason: `expected an object, got ${describe(v)}` });
      else checkFields(v, shape.fields, path, errors);
      return;
    case 'tagged': {
      if (!isRecord(v)) {
        errors.push({ path, reason: `expected an object, got ${describe(v)}` });
        return;
      }
      const tag = v[shape.tag];
      const names = Object.keys(shape.variants);
      const fields = typeof tag === 'string' ? shape.variants[tag] : undefined;
      if (!fields) {
        errors.push({ path: `${path}.${shape.tag}`, reason: `must be one of ${names.join(', ')}` });
        return;
      }
      checkFields(v, fields, path, errors, shape.tag);
    }
  }
}

/**
 * A copy of a structurally valid value with keys in the shape's order and no unknown keys. With
 * `sets`, lists COS treats as sets are sorted too (the comparison form, not the export form).
 */
export function normalize(v: unknown, shape: Shape, sets: boolean): unknown {
  switch (shape.kind) {
    case 'string':
      return v;
    case 'array': {
      const items = (v as unknown[]).map((item) => normalize(item, shape.of, sets));
      if (!sets || !shape.set) return items;
      return items
        .map((item) => ({ item, key: JSON.stringify(item) }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .map((e) => e.item);
    }
    case 'object':
      return normalizeFields(v as Record<string, unknown>, shape.fields, sets);
    case 'tagged': {
      const r = v as Record<string, unknown>;
      const tag = r[shape.tag] as string;
      return { [shape.tag]: tag, ...normalizeFields(r, shape.variants[tag] ?? [], sets) };
    }
  }
}

function normalizeFields(v: Record<string, unknown>, fields: readonly Field[], sets: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const child = v[f.name];
    if (child !== undefined) out[f.name] = normalize(child, f.shape, sets);
  }
  return out;
}
