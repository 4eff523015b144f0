// The one configured XML parser and builder (fast-xml-parser) used by every COS subresource codec.
// Values stay strings (keys, ETags, "true"/"false"), as COS means them; attributes (xsi:type) are
// ignored, as the SDKs ignore them. Each codec declares its always-array paths once.
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { camSafeUrlEncode } from '../signature/encode';

export type XmlNode = string | XmlObject | XmlNode[];
export interface XmlObject {
  [name: string]: XmlNode;
}

/**
 * Why a document is refused: MalformedXML, or NotImplemented when `unsupported` (it uses what COS
 * documents and cos-local does not emulate).
 */
export type XmlRefusal = { ok: false; reason: string; unsupported?: true };
export type XmlParseResult<T> = { ok: true; value: T } | XmlRefusal;

/** Element names that name JavaScript's object machinery; fast-xml-parser throws on them. */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Whether a DOCTYPE declaration is present outside comments and CDATA sections. No COS request
 * body has one, and a DTD is where entities are declared (entity expansion, external SYSTEM
 * entities), so such bodies are refused instead of handed to the parser.
 */
function hasDoctype(xml: string): boolean {
  for (let i = xml.indexOf('<!'); i !== -1; i = xml.indexOf('<!', i + 2)) {
    if (xml.startsWith('<!--', i)) {
      i = xml.indexOf('-->', i + 4);
      if (i === -1) return false;
    } else if (xml.startsWith('<![CDATA[', i)) {
      i = xml.indexOf(']]>', i + 9);
      if (i === -1) return false;
    } else if (xml.slice(i + 2, i + 9).toUpperCase() === 'DOCTYPE') {
      return true;
    }
  }
  return false;
}

function parserFor(arrayPaths: readonly string[]): XMLParser {
  const arrays = new Set(arrayPaths);
  return new XMLParser({
    ignoreAttributes: true,
    ignoreDeclaration: true,
    parseTagValue: false,
    trimValues: true,
    // Only the five predefined entities (&amp; &lt; &gt; &quot; &apos;: keys in Delete bodies use
    // them); no HTML entities, and no DTD-declared ones since DOCTYPE is refused above.
    processEntities: true,
    htmlEntities: false,
    // COS documents nest a handful of levels; deeper input is refused rather than walked.
    maxNestedTags: 100,
    // Refused as malformed: a document using them is no COS document, and the parser would throw.
    transformTagName: (name) => {
      if (RESERVED_NAMES.has(name)) throw new Error(`element name ${name} is reserved`);
      return name;
    },
    isArray: (_name, jpath) => arrays.has(String(jpath)),
  });
}

/**
 * Parses XML text. `arrayPaths` are dotted element paths (e.g. `CORSConfiguration.CORSRule`) that
 * are always arrays, even with a single child. Never throws: anything the parser refuses is
 * `{ ok: false }`, which every caller answers as MalformedXML.
 */
export function parseXml(text: string, arrayPaths: readonly string[] = []): XmlParseResult<XmlObject> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty body' };
  if (hasDoctype(trimmed)) return { ok: false, reason: 'DOCTYPE declarations are not allowed' };
  try {
    const valid = XMLValidator.validate(trimmed);
    if (valid !== true) return { ok: false, reason: valid.err.msg };
    const value: unknown = parserFor(arrayPaths).parse(trimmed);
    if (typeof value !== 'object' || value === null) return { ok: false, reason: 'no root element' };
    return { ok: true, value: value as XmlObject };
  } catch (e) {
    // The parser's own refusals (reserved names, nesting depth, unclosed constructs) are thrown.
    return { ok: false, reason: e instanceof Error ? e.message : 'not well-formed' };
  }
}

const builder = new XMLBuilder({ ignoreAttributes: true, format: false, suppressEmptyNode: false });

/** Builds `<?xml …?>` + the document. Arrays repeat their element; strings are escaped (a string body is a text-only root). */
export function buildXml(root: string, body: XmlObject | string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [root]: body }) as string}`;
}

/** A child element's text ('' when absent or not text). */
export function text(node: XmlNode | undefined): string {
  return typeof node === 'string' ? node : '';
}

/** A child element as an object (undefined when absent or text). */
export function child(node: XmlNode | undefined): XmlObject | undefined {
  return typeof node === 'object' && node !== null && !Array.isArray(node) ? node : undefined;
}

/** An element that may be empty (`<Root/>` parses as ''): its object, {} when empty, else undefined. */
export function emptyOr(node: XmlNode | undefined): XmlObject | undefined {
  return node === '' ? {} : child(node);
}

/** A child element's repetitions, for paths declared as arrays (or single values). */
export function list(node: XmlNode | undefined): XmlNode[] {
  if (node === undefined) return [];
  return Array.isArray(node) ? node : [node];
}

/** How listing answers write keys and prefixes: URL-encoded (COS's encoding) under `EncodingType=url`, else as they are. */
export type Codec = (s: string) => string;
const same: Codec = (s) => s;
export const encoder = (encodingType: string | undefined): Codec => (encodingType === 'url' ? camSafeUrlEncode : same);
