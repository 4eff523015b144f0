import { describe, expect, it } from 'vitest';
import { buildEncryptionXml, defaultAlgorithm, parseEncryptionXml } from './encryption';
import getResponse from './__fixtures__/encryption-get-response.xml?raw';

describe('ServerSideEncryptionConfiguration codec', () => {
  it('parses the doc response and round-trips', () => {
    const parsed = parseEncryptionXml(getResponse);
    expect(parsed).toEqual({ ok: true, value: { rules: [{ applyByDefault: { sseAlgorithm: 'AES256' } }] } });
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(buildEncryptionXml(parsed.value)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault>' +
        '<SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>',
    );
    expect(defaultAlgorithm(parsed.value)).toBe('AES256');
  });

  it('keeps KMS fields verbatim', () => {
    const xml = '<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>KMS</SSEAlgorithm>' +
      '<KMSMasterKeyID>k-1</KMSMasterKeyID><KMSAlgorithm>SM4</KMSAlgorithm></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>';
    const parsed = parseEncryptionXml(xml);
    expect(parsed).toEqual({ ok: true, value: { rules: [{ applyByDefault: { sseAlgorithm: 'KMS', kmsMasterKeyId: 'k-1', kmsAlgorithm: 'SM4' } }] } });
    if (parsed.ok) expect(parseEncryptionXml(buildEncryptionXml(parsed.value))).toEqual(parsed);
  });

  it('accepts the SDK suite body whose rule has only a misspelt child, as a rule without a default', () => {
    // cos-nodejs-sdk-v5 test/test.js "putBucketEncryption" puts exactly this and expects success.
    const xml = '<ServerSideEncryptionConfiguration><Rule><ApplySideEncryptionConfiguration><SSEAlgorithm>AES256</SSEAlgorithm>' +
      '</ApplySideEncryptionConfiguration></Rule></ServerSideEncryptionConfiguration>';
    const parsed = parseEncryptionXml(xml);
    expect(parsed).toEqual({ ok: true, value: { rules: [{}] } });
    if (parsed.ok) expect(defaultAlgorithm(parsed.value)).toBeUndefined();
  });

  it.each([
    ['no rule (the SDK suite\'s empty put)', '<ServerSideEncryptionConfiguration></ServerSideEncryptionConfiguration>', 'a Rule is required'],
    ['wrong root', '<EncryptionConfiguration><Rule/></EncryptionConfiguration>', 'the root element must be ServerSideEncryptionConfiguration'],
    ['default without algorithm', '<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault/></Rule></ServerSideEncryptionConfiguration>',
      'ApplyServerSideEncryptionByDefault needs an SSEAlgorithm'],
    ['nested algorithm', '<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm><x/></SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>',
      'ApplyServerSideEncryptionByDefault needs an SSEAlgorithm'],
    ['not XML', 'AES256', expect.stringContaining('is not expected')],
  ])('rejects %s', (_name, xml, reason) => {
    expect(parseEncryptionXml(xml)).toEqual({ ok: false, reason });
  });
});
