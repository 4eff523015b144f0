import { describe, expect, it } from 'vitest';
import type { EncryptionConfiguration } from '../../../../shared/xml/encryption';
import { encryptionState, sseCosConfiguration, type EncryptionState } from './encryption-form';

describe('encryptionState', () => {
  it.each<[string, EncryptionConfiguration | null, EncryptionState]>([
    ['none configured', null, { kind: 'off' }],
    ['SSE-COS', sseCosConfiguration(), { kind: 'sseCos' }],
    ['SSE-KMS with a key', { rules: [{ applyByDefault: { sseAlgorithm: 'KMS', kmsMasterKeyId: 'key-1' } }] }, { kind: 'other', algorithm: 'KMS', kmsMasterKeyId: 'key-1' }],
    ['SM4', { rules: [{ applyByDefault: { sseAlgorithm: 'SM4' } }] }, { kind: 'other', algorithm: 'SM4' }],
    ['AES256 with KMS fields is not plain SSE-COS', { rules: [{ applyByDefault: { sseAlgorithm: 'AES256', kmsAlgorithm: 'x' } }] }, { kind: 'other', algorithm: 'AES256', kmsAlgorithm: 'x' }],
    ['a rule without a default', { rules: [{}] }, { kind: 'noDefault' }],
    ['the first rule with a default counts', { rules: [{}, { applyByDefault: { sseAlgorithm: 'AES256' } }] }, { kind: 'sseCos' }],
  ])('%s', (_, config, state) => {
    expect(encryptionState(config)).toEqual(state);
  });

  it('sseCosConfiguration names AES256', () => {
    expect(sseCosConfiguration()).toEqual({ rules: [{ applyByDefault: { sseAlgorithm: 'AES256' } }] });
  });
});
