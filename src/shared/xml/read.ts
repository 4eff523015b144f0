// Readers shared by the codecs, over the tree codec.ts parses. Each answers a value or the refusal
// a codec passes on as its `{ ok: false, reason }` result, so the codecs differ only in what their
// documents hold.
import { child, emptyOr, list, parseXml, text, type XmlNode, type XmlObject, type XmlRefusal } from './codec';
import type { Owner } from './service';

export function refuse(reason: string, unsupported?: true): XmlRefusal {
  return unsupported ? { ok: false, reason, unsupported } : { ok: false, reason };
}

/** Whether a reader refused (values read from XML are strings and objects, never `ok: false`). */
export function isRefusal<T>(v: T | XmlRefusal): v is XmlRefusal {
  return typeof v === 'object' && v !== null && (v as { ok?: unknown }).ok === false;
}

/**
 * Parses `xml` and returns the children of its root element `name`. An empty root (`<Name/>`) has
 * none ({}), unless `empty` is 'refused'; another root is refused.
 */
export function readRoot(xml: string, name: string, arrayPaths: readonly string[] = [], empty: 'read' | 'refused' = 'read'): XmlObject | XmlRefusal {
  const parsed = parseXml(xml, arrayPaths);
  if (!parsed.ok) return parsed;
  const root = empty === 'read' ? emptyOr(parsed.value[name]) : child(parsed.value[name]);
  return root ?? refuse(`the root element must be ${name}`);
}

/** A text child: undefined when absent, null when it is not text (nested or repeated). */
export function optionalText(node: XmlNode | undefined): string | undefined | null {
  if (node === undefined) return undefined;
  return typeof node === 'string' ? node : null;
}

/** The text child `name` of `o`: undefined when absent, refused when it is not text. */
export function textOf(o: XmlObject, name: string): string | undefined | XmlRefusal {
  const v = optionalText(o[name]);
  return v === null ? refuse(`${name} must be text`) : v;
}

/** A repeated text element (`AllowedOrigin`, `Domain`) in order: undefined when one is not text. */
export function strings(node: XmlNode | undefined): string[] | undefined {
  const out: string[] = [];
  for (const item of list(node)) {
    if (typeof item !== 'string') return undefined;
    out.push(item);
  }
  return out;
}

/**
 * An element's children, checked against what COS documents for it: `known` ones are read,
 * `unsupported` ones are refused as not implemented by cos-local (`note` says why), any other is
 * malformed. An empty element has no children.
 */
export function element(node: XmlNode | undefined, name: string, known: readonly string[], unsupported: readonly string[] = [], note?: string): XmlObject | XmlRefusal {
  const o = emptyOr(node);
  if (!o) return refuse(`${name} must be an element`);
  for (const c of Object.keys(o)) {
    if (unsupported.includes(c)) return refuse(`${name}.${c}${note === undefined ? '' : ` (${note})`} is not implemented by cos-local`, true);
    if (!known.includes(c)) return refuse(`unknown element ${name}.${c}`);
  }
  return o;
}

/**
 * Each repetition of an element (its path declared as an array), read in order by `read`; the first
 * refusal is the answer. `atLeastOne` names the element when the document needs one.
 */
export function readEach<T>(node: XmlNode | undefined, read: (n: XmlNode) => T | XmlRefusal, atLeastOne?: string): T[] | XmlRefusal {
  const out: T[] = [];
  for (const n of list(node)) {
    const v = read(n);
    if (isRefusal(v)) return v;
    out.push(v);
  }
  if (out.length === 0 && atLeastOne !== undefined) return refuse(`at least one ${atLeastOne} is required`);
  return out;
}

/** A listing's CommonPrefixes, each Prefix decoded by `dec`. */
export function readCommonPrefixes(node: XmlNode | undefined, dec: (s: string) => string): string[] {
  return list(node).map((p) => dec(text(child(p)?.['Prefix'])));
}

/** An Owner or Initiator element (ID, DisplayName), '' for what is missing. */
export function readOwner(node: XmlNode | undefined): Owner {
  const o = child(node);
  return { id: text(o?.['ID']), displayName: text(o?.['DisplayName']) };
}

export function ownerXml(o: Owner): XmlObject {
  return { ID: o.id, DisplayName: o.displayName };
}
