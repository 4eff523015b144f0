// PUT/GET Bucket versioning body: `VersioningConfiguration{Status}` (436/19889, 436/19888).
// A bucket never configured answers an empty root; Status is Enabled or Suspended.
import { buildXml, text, type XmlParseResult } from './codec';
import { isRefusal, readRoot, refuse } from './read';

export type VersioningStatus = 'Enabled' | 'Suspended';

const ROOT = 'VersioningConfiguration';

export function parseVersioningXml(xml: string): XmlParseResult<VersioningStatus> {
  const root = readRoot(xml, ROOT);
  if (isRefusal(root)) return root;
  const status = text(root['Status']);
  if (status !== 'Enabled' && status !== 'Suspended') return refuse('Status must be Enabled or Suspended');
  return { ok: true, value: status };
}

/** undefined status = never configured: `<VersioningConfiguration/>`. */
export function buildVersioningXml(status: VersioningStatus | undefined): string {
  return buildXml(ROOT, status === undefined ? {} : { Status: status });
}
