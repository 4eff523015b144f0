// PUT/GET Bucket versioning body: `VersioningConfiguration{Status}` (436/19889, 436/19888).
// A bucket never configured answers an empty root; Status is Enabled or Suspended.
import { buildXml, emptyOr, parseXml, text, type XmlParseResult } from './codec';

export type VersioningStatus = 'Enabled' | 'Suspended';

const ROOT = 'VersioningConfiguration';

export function parseVersioningXml(xml: string): XmlParseResult<VersioningStatus> {
  const parsed = parseXml(xml);
  if (!parsed.ok) return parsed;
  const root = emptyOr(parsed.value[ROOT]);
  if (!root) return { ok: false, reason: `the root element must be ${ROOT}` };
  const status = text(root['Status']);
  if (status !== 'Enabled' && status !== 'Suspended') return { ok: false, reason: 'Status must be Enabled or Suspended' };
  return { ok: true, value: status };
}

/** undefined status = never configured: `<VersioningConfiguration/>`. */
export function buildVersioningXml(status: VersioningStatus | undefined): string {
  return buildXml(ROOT, status === undefined ? {} : { Status: status });
}
