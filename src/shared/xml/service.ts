// GET Service (List Buckets) response. Doc: https://cloud.tencent.com/document/product/436/8291
// CreationDate is ISO 8601 without milliseconds in the doc sample (`2019-05-24T11:49:50Z`).
import { buildXml, child, list, text, type XmlObject, type XmlParseResult } from './codec';
import { isRefusal, ownerXml, readOwner, readRoot } from './read';

export interface Owner {
  id: string;
  displayName: string;
}

export interface BucketSummary {
  name: string;
  location: string;
  creationDate: string;
}

export interface ListAllMyBucketsResult {
  owner: Owner;
  buckets: BucketSummary[];
}

const ROOT = 'ListAllMyBucketsResult';

/** `2019-05-24T11:49:50Z` from epoch milliseconds. */
export function creationDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function buildListAllMyBucketsXml(r: ListAllMyBucketsResult): string {
  const buckets: XmlObject[] = r.buckets.map((b) => ({ Name: b.name, Location: b.location, CreationDate: b.creationDate }));
  return buildXml(ROOT, {
    Owner: ownerXml(r.owner),
    Buckets: buckets.length > 0 ? { Bucket: buckets } : '',
  });
}

export function parseListAllMyBucketsXml(xml: string): XmlParseResult<ListAllMyBucketsResult> {
  const root = readRoot(xml, ROOT, [`${ROOT}.Buckets.Bucket`], 'refused');
  if (isRefusal(root)) return root;
  const buckets = list(child(root['Buckets'])?.['Bucket']).map((node) => {
    const b = child(node) ?? {};
    return { name: text(b['Name']), location: text(b['Location']), creationDate: text(b['CreationDate']) };
  });
  return { ok: true, value: { owner: readOwner(root['Owner']), buckets } };
}
