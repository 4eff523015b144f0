import { describe, expect, it } from 'vitest';
import { buildReplicationProgressXml, buildReplicationXml, parseReplicationProgressXml, parseReplicationXml } from './replication';
import putRequest from './__fixtures__/replication-put-request.xml?raw';

describe('ReplicationConfiguration codec', () => {
  it('parses the doc request and round-trips it in doc order', () => {
    const parsed = parseReplicationXml(putRequest);
    expect(parsed).toEqual({
      ok: true,
      value: {
        role: 'qcs::cam::uin/100000000001:uin/100000000001',
        rules: [{
          status: 'Enabled', id: 'RuleId_01', prefix: 'sourceprefix',
          destination: { bucket: 'qcs::cos:ap-chengdu::destinationbucket-1250000000', storageClass: 'STANDARD_IA' },
          deleteMarkerReplication: 'Disabled',
        }],
      },
    });
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(buildReplicationXml(parsed.value)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<ReplicationConfiguration><Role>qcs::cam::uin/100000000001:uin/100000000001</Role>' +
        '<Rule><Status>Enabled</Status><ID>RuleId_01</ID><Prefix>sourceprefix</Prefix><Destination>' +
        '<Bucket>qcs::cos:ap-chengdu::destinationbucket-1250000000</Bucket><StorageClass>STANDARD_IA</StorageClass></Destination>' +
        '<DeleteMarkerReplication><Status>Disabled</Status></DeleteMarkerReplication></Rule></ReplicationConfiguration>',
    );
  });

  it('keeps an empty prefix and Priority verbatim, and leaves out what was not sent', () => {
    const xml = '<ReplicationConfiguration><Role>r</Role><Rule><ID>a</ID><Status>Disabled</Status><Priority>2</Priority><Prefix></Prefix>' +
      '<Destination><Bucket>qcs::cos:ap-beijing::b-1250000000</Bucket></Destination></Rule><Rule><Status>Enabled</Status>' +
      '<Destination><Bucket>x</Bucket></Destination></Rule></ReplicationConfiguration>';
    const parsed = parseReplicationXml(xml);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.value.rules).toEqual([
      { id: 'a', status: 'Disabled', priority: '2', prefix: '', destination: { bucket: 'qcs::cos:ap-beijing::b-1250000000' } },
      { status: 'Enabled', destination: { bucket: 'x' } },
    ]);
    expect(parseReplicationXml(buildReplicationXml(parsed.value))).toEqual(parsed);
  });

  it('reports the KMS elements as unsupported, not malformed', () => {
    const xml = '<ReplicationConfiguration><Role>r</Role><Rule><Status>Enabled</Status><Destination><Bucket>b</Bucket>' +
      '<EncryptionConfiguration><ReplicaKmsKeyID>k</ReplicaKmsKeyID></EncryptionConfiguration></Destination></Rule></ReplicationConfiguration>';
    expect(parseReplicationXml(xml)).toEqual({
      ok: false, reason: 'Destination.EncryptionConfiguration (SSE-KMS) is not implemented by cos-local', unsupported: true,
    });
  });

  it.each([
    ['no role', '<ReplicationConfiguration><Rule><Status>Enabled</Status><Destination><Bucket>b</Bucket></Destination></Rule></ReplicationConfiguration>', 'a Role is required'],
    ['no rule', '<ReplicationConfiguration><Role>r</Role></ReplicationConfiguration>', 'at least one Rule is required'],
    ['no destination', '<ReplicationConfiguration><Role>r</Role><Rule><Status>Enabled</Status></Rule></ReplicationConfiguration>', 'Rule needs a Destination'],
    ['no status', '<ReplicationConfiguration><Role>r</Role><Rule><Destination><Bucket>b</Bucket></Destination></Rule></ReplicationConfiguration>', 'Rule needs a Status'],
    ['unknown element', '<ReplicationConfiguration><Role>r</Role><Rule><Status>Enabled</Status><Filter/><Destination><Bucket>b</Bucket></Destination></Rule></ReplicationConfiguration>',
      'unknown element Rule.Filter'],
    ['repeated role', '<ReplicationConfiguration><Role>r</Role><Role>s</Role><Rule><Status>Enabled</Status><Destination><Bucket>b</Bucket></Destination></Rule></ReplicationConfiguration>',
      'Role must be text'],
    ['marker without status', '<ReplicationConfiguration><Role>r</Role><Rule><Status>Enabled</Status><Destination><Bucket>b</Bucket></Destination><DeleteMarkerReplication/></Rule></ReplicationConfiguration>',
      'DeleteMarkerReplication needs a Status'],
  ])('rejects %s as malformed', (_name, xml, reason) => {
    // toEqual: no `unsupported` flag, so COS answers MalformedXML, not NotImplemented.
    expect(parseReplicationXml(xml)).toEqual({ ok: false, reason });
  });

  it('builds and parses the cos-local progress document', () => {
    const rules = [{ id: 'r1', pending: 2, completed: 5, failed: 1, lastCompleted: '2024-01-01T00:00:00.000Z' }, { id: '#2', pending: 0, completed: 0, failed: 0 }];
    expect(parseReplicationProgressXml(buildReplicationProgressXml(rules))).toEqual({ ok: true, value: rules });
    expect(parseReplicationProgressXml('<ReplicationConfiguration/>')).toEqual({ ok: false, reason: 'the root element must be ReplicationProgress' });
    expect(parseReplicationProgressXml('<ReplicationProgress><Rule>1</Rule></ReplicationProgress>')).toEqual({ ok: false, reason: 'Rule must be an element' });
  });
});
