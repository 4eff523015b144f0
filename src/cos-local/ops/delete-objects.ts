// DELETE Multiple Objects (POST /?delete, 436/8289): up to 1000 keys (with optional VersionId) in
// one request; each is deleted as DELETE Object would. Verbose mode lists every deleted key, quiet
// mode only the failures.
import { CosError } from '../../shared/errors/cos-error';
import { checkObjectKey } from '../../shared/cos/object-key';
import { buildDeleteResultXml, parseDeleteXml, type DeletedEntry, type DeleteError } from '../../shared/xml/delete-objects';
import { enforceOn } from '../authorize';
import { readSmallBody } from '../body';
import type { OpHandler } from '../context';
import { bucketOf } from './common';
import { removeObject } from './object';

/** 1000 keys of up to 850 bytes, escaped, fit in 2 MB. */
const MAX_BODY = 2 * 1024 * 1024;

export const deleteMultipleObjects: OpHandler = async (ctx) => {
  const parsed = parseDeleteXml((await readSmallBody(ctx.req, MAX_BODY)).toString('utf8'));
  if (!parsed.ok) throw new CosError('MalformedXML', { message: parsed.reason });
  const deleted: DeletedEntry[] = [];
  const errors: DeleteError[] = [];
  for (const o of parsed.value.objects) {
    const keyCheck = checkObjectKey(o.key);
    if (!keyCheck.ok) {
      errors.push({ key: o.key, code: keyCheck.code, message: keyCheck.reason, ...(o.versionId === undefined ? {} : { versionId: o.versionId }) });
      continue;
    }
    try {
      // Each key needs DeleteObject on it (tencentcloud 436/30580).
      enforceOn(ctx, 'DeleteObject', { bucket: bucketOf(ctx), key: o.key, ...(o.versionId === undefined ? {} : { versionId: o.versionId }) });
    } catch (e) {
      if (!(e instanceof CosError)) throw e;
      errors.push({ key: o.key, code: e.code, message: e.message, ...(o.versionId === undefined ? {} : { versionId: o.versionId }) });
      continue;
    }
    const r = await removeObject(ctx, o.key, o.versionId);
    const entry: DeletedEntry = { key: o.key };
    if (o.versionId !== undefined) entry.versionId = o.versionId;
    if (r.deleteMarker) {
      entry.deleteMarker = true;
      if (r.versionId !== undefined) entry.deleteMarkerVersionId = r.versionId;
    }
    deleted.push(entry);
  }
  return { xml: buildDeleteResultXml(parsed.value.quiet ? [] : deleted, errors) };
};
