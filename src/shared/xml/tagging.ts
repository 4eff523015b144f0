// Bucket and object tagging bodies: `Tagging{TagSet{Tag*{Key,Value}}}` (PUT Bucket tagging
// 436/34838, GET 436/34837, PUT Object tagging 436/42997, GET 436/42998). Tags keep their order.
import { buildXml, child, emptyOr, list, parseXml, text, type XmlParseResult } from './codec';

export interface XmlTag {
  key: string;
  value: string;
}

const ROOT = 'Tagging';

export function parseTaggingXml(xml: string): XmlParseResult<XmlTag[]> {
  const parsed = parseXml(xml, [`${ROOT}.TagSet.Tag`]);
  if (!parsed.ok) return parsed;
  const root = emptyOr(parsed.value[ROOT]);
  if (!root) return { ok: false, reason: `the root element must be ${ROOT}` };
  const set = root['TagSet'];
  if (set !== undefined && set !== '' && !child(set)) return { ok: false, reason: 'TagSet must be an element' };
  const tags: XmlTag[] = [];
  for (const node of list(child(set)?.['Tag'])) {
    const t = child(node);
    if (!t || t['Key'] === undefined || typeof t['Key'] !== 'string') return { ok: false, reason: 'every Tag needs a Key' };
    const value = t['Value'] ?? '';
    if (typeof value !== 'string') return { ok: false, reason: 'a tag Value must be text' };
    tags.push({ key: text(t['Key']), value });
  }
  return { ok: true, value: tags };
}

export function buildTaggingXml(tags: readonly XmlTag[]): string {
  return buildXml(ROOT, { TagSet: tags.length === 0 ? '' : { Tag: tags.map((t) => ({ Key: t.key, Value: t.value })) } });
}
