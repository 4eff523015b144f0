// DELETE Multiple Objects (436/8289): request `Delete{Quiet?, Object+{Key, VersionId?}}` (at most
// 1000 objects), response `DeleteResult{Deleted*{Key, VersionId?, DeleteMarker?,
// DeleteMarkerVersionId?}, Error*{Key, Code, Message, VersionId?}}`. Quiet mode lists errors only.
import { buildXml, child, text, type XmlNode, type XmlObject, type XmlParseResult, type XmlRefusal } from './codec';
import { isRefusal, readEach, readRoot, refuse } from './read';

export const MAX_DELETE_OBJECTS = 1000;

export interface DeleteRequest {
  quiet: boolean;
  objects: { key: string; versionId?: string }[];
}

export interface DeletedEntry {
  key: string;
  versionId?: string;
  deleteMarker?: boolean;
  deleteMarkerVersionId?: string;
}

export interface DeleteError {
  key: string;
  code: string;
  message: string;
  versionId?: string;
}

function parseObject(node: XmlNode): DeleteRequest['objects'][number] | XmlRefusal {
  const o = child(node);
  if (!o || typeof o['Key'] !== 'string') return refuse('every Object needs a Key');
  return o['VersionId'] === undefined ? { key: o['Key'] } : { key: o['Key'], versionId: text(o['VersionId']) };
}

export function parseDeleteXml(xml: string): XmlParseResult<DeleteRequest> {
  const root = readRoot(xml, 'Delete', ['Delete.Object']);
  if (isRefusal(root)) return root;
  const quiet = text(root['Quiet']).toLowerCase();
  if (quiet !== '' && quiet !== 'true' && quiet !== 'false') return refuse('Quiet must be true or false');
  const objects = readEach(root['Object'], parseObject, 'Object');
  if (isRefusal(objects)) return objects;
  if (objects.length > MAX_DELETE_OBJECTS) return refuse(`at most ${MAX_DELETE_OBJECTS} objects per request`);
  return { ok: true, value: { quiet: quiet === 'true', objects } };
}

export function buildDeleteXml(r: DeleteRequest): string {
  const body: XmlObject = {};
  if (r.quiet) body['Quiet'] = 'true';
  body['Object'] = r.objects.map((o): XmlObject => (o.versionId === undefined ? { Key: o.key } : { Key: o.key, VersionId: o.versionId }));
  return buildXml('Delete', body);
}

export function buildDeleteResultXml(deleted: readonly DeletedEntry[], errors: readonly DeleteError[]): string {
  const body: XmlObject = {};
  if (deleted.length > 0) {
    body['Deleted'] = deleted.map((d) => {
      const e: XmlObject = { Key: d.key };
      if (d.versionId !== undefined) e['VersionId'] = d.versionId;
      if (d.deleteMarker) e['DeleteMarker'] = 'true';
      if (d.deleteMarkerVersionId !== undefined) e['DeleteMarkerVersionId'] = d.deleteMarkerVersionId;
      return e;
    });
  }
  if (errors.length > 0) {
    body['Error'] = errors.map((e) => {
      const x: XmlObject = { Key: e.key, Code: e.code, Message: e.message };
      if (e.versionId !== undefined) x['VersionId'] = e.versionId;
      return x;
    });
  }
  return buildXml('DeleteResult', body);
}
