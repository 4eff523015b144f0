// GET Bucket location (`GET /?location`, action `name/cos:GetBucketLocation`) response: a text-only
// root `<LocationConstraint>ap-guangzhou</LocationConstraint>` naming the bucket's region, which the
// SDKs read as `data.LocationConstraint` (cos-nodejs-sdk-v5 getBucketLocation).
import { buildXml, parseXml, text, type XmlParseResult } from './codec';

const ROOT = 'LocationConstraint';

export function buildLocationXml(region: string): string {
  return buildXml(ROOT, region);
}

export function parseLocationXml(xml: string): XmlParseResult<string> {
  const parsed = parseXml(xml);
  if (!parsed.ok) return parsed;
  const region = text(parsed.value[ROOT]);
  if (region === '') return { ok: false, reason: `the root element must be ${ROOT} with the region` };
  return { ok: true, value: region };
}
