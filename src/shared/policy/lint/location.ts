// Offsets → 1-based line/column (Monaco's IMarkerData convention: columns in UTF-16 code units, the
// end column exclusive) and the constructors every rule uses to place a finding on a node.
import { getNodePath, type JSONPath, type Node } from 'jsonc-parser';
import type { PolicyFinding, PolicyFindingCode, PolicyFix, Severity, SourceRange } from './types';

export class LineMap {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      // \r\n, \n and a lone \r each end a line, as in Monaco's text model.
      if (ch === 13 && text.charCodeAt(i + 1) === 10) continue;
      if (ch === 10 || ch === 13) this.starts.push(i + 1);
    }
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }

  range(offset: number, length: number): SourceRange {
    const s = this.position(offset);
    const e = this.position(offset + length);
    return { offset, length, startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
  }
}

export interface Message {
  readonly en: string;
  readonly zh: string;
}

export interface FindingSpec {
  readonly code: PolicyFindingCode;
  readonly severity: Severity;
  readonly message: Message;
  readonly fix?: PolicyFix;
}

/** Path of a node; for a property (or its key) the path of the property's value. */
export function pathOf(node: Node): JSONPath {
  if (node.type === 'property') return node.children?.[1] ? getNodePath(node.children[1]) : [...(node.parent ? getNodePath(node.parent) : []), String(node.children?.[0]?.value ?? '')];
  const parent = node.parent;
  if (parent?.type === 'property' && parent.children?.[0] === node) return pathOf(parent);
  return getNodePath(node);
}

/** Collects findings for one lint run. */
export class Findings {
  readonly list: PolicyFinding[] = [];

  constructor(readonly lines: LineMap) {}

  /** A finding on a node (for a property: its whole `"key": value`). */
  at(node: Node, spec: FindingSpec): void {
    this.span(node.offset, node.length, pathOf(node), spec);
  }

  /** A finding on the key of a property. */
  atKey(property: Node, spec: FindingSpec): void {
    const key = property.children?.[0] ?? property;
    this.span(key.offset, key.length, pathOf(property), spec);
  }

  /** The first character of a node: where a missing member of an object is reported (its `{`). */
  atOpening(node: Node, spec: FindingSpec): void {
    this.span(node.offset, 1, pathOf(node), spec);
  }

  span(offset: number, length: number, path: JSONPath, spec: FindingSpec): void {
    this.list.push({
      code: spec.code,
      severity: spec.severity,
      message: spec.message.en,
      messageZh: spec.message.zh,
      path,
      ...this.lines.range(offset, length),
      ...(spec.fix ? { fix: spec.fix } : {}),
    });
  }
}

/** A fix replacing one node's text. */
export function replaceNode(node: Node, text: string, title: Message): PolicyFix {
  return { title: title.en, titleZh: title.zh, edits: [{ offset: node.offset, length: node.length, text }] };
}

/** Applies non-overlapping edits (any order) to a text. */
export function applyEdits(text: string, edits: readonly { offset: number; length: number; text: string }[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  return sorted.reduce((t, e) => t.slice(0, e.offset) + e.text + t.slice(e.offset + e.length), text);
}
