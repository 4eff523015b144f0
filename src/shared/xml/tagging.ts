// Bucket and object tagging bodies: `Tagging{TagSet{Tag*{Key,Value}}}` (PUT Bucket tagging
// 436/34838, GET 436/34837, PUT Object tagging 436/42997, GET 436/42998). Tags keep their order.
import { buildXml, child, type XmlNode, type XmlParseResult, type XmlRefusal } from './codec';
import { isRefusal, readEach, readRoot, refuse } from './read';

export interface XmlTag {
  key: string;
  value: string;
}

const ROOT = 'Tagging';

function parseTag(node: XmlNode): XmlTag | XmlRefusal {
  const t = child(node);
  const key = t?.['Key'];
  if (typeof key !== 'string') return refuse('every Tag needs a Key');
  const value = t?.['Value'] ?? '';
  return typeof value === 'string' ? { key, value } : refuse('a tag Value must be text');
}

export function parseTaggingXml(xml: string): XmlParseResult<XmlTag[]> {
  const root = readRoot(xml, ROOT, [`${ROOT}.TagSet.Tag`]);
  if (isRefusal(root)) return root;
  const set = root['TagSet'];
  if (set !== undefined && set !== '' && !child(set)) return refuse('TagSet must be an element');
  const tags = readEach(child(set)?.['Tag'], parseTag);
  return isRefusal(tags) ? tags : { ok: true, value: tags };
}

export function buildTaggingXml(tags: readonly XmlTag[]): string {
  return buildXml(ROOT, { TagSet: tags.length === 0 ? '' : { Tag: tags.map((t) => ({ Key: t.key, Value: t.value })) } });
}
