import { describe, expect, it } from 'vitest';
import { buildDeleteResultXml, buildDeleteXml, parseDeleteXml, MAX_DELETE_OBJECTS } from './delete-objects';
import { parseXml } from './codec';

describe('delete multiple objects codec (436/8289)', () => {
  it('parses the doc sample', () => {
    const xml = `<Delete><Quiet>true</Quiet><Object><Key>example-object-1.jpg</Key></Object>
      <Object><Key>example-object-2.jpg</Key><VersionId>MTg0NDUxNzc2ODQ2NjA4NzA2ODY</VersionId></Object></Delete>`;
    expect(parseDeleteXml(xml)).toEqual({
      ok: true,
      value: { quiet: true, objects: [{ key: 'example-object-1.jpg' }, { key: 'example-object-2.jpg', versionId: 'MTg0NDUxNzc2ODQ2NjA4NzA2ODY' }] },
    });
  });

  it('round-trips requests', () => {
    const req = { quiet: false, objects: [{ key: 'a b+c' }, { key: '中/🙂', versionId: 'v1' }] };
    expect(parseDeleteXml(buildDeleteXml(req))).toEqual({ ok: true, value: req });
  });

  it.each([
    ['<Delete></Delete>', 'at least one Object is required'],
    ['<Delete><Quiet>maybe</Quiet><Object><Key>a</Key></Object></Delete>', 'Quiet must be true or false'],
    ['<Delete><Object><VersionId>v</VersionId></Object></Delete>', 'every Object needs a Key'],
    [`<Delete>${'<Object><Key>k</Key></Object>'.repeat(MAX_DELETE_OBJECTS + 1)}</Delete>`, 'at most 1000 objects per request'],
  ])('refuses %#', (xml, reason) => {
    expect(parseDeleteXml(xml)).toEqual({ ok: false, reason });
  });

  it('builds Deleted and Error entries', () => {
    const xml = buildDeleteResultXml(
      [{ key: 'a' }, { key: 'b', deleteMarker: true, deleteMarkerVersionId: 'm1' }],
      [{ key: 'c', code: 'KeyTooLong', message: 'too long' }],
    );
    const parsed = parseXml(xml, ['DeleteResult.Deleted', 'DeleteResult.Error']);
    expect(parsed).toEqual({
      ok: true,
      value: {
        DeleteResult: {
          Deleted: [{ Key: 'a' }, { Key: 'b', DeleteMarker: 'true', DeleteMarkerVersionId: 'm1' }],
          Error: [{ Key: 'c', Code: 'KeyTooLong', Message: 'too long' }],
        },
      },
    });
  });
});
