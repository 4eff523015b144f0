// The encryption section's view of PUT/GET Bucket encryption (https://cloud.tencent.com/document/product/436/40136,
// 436/40137): the console switches SSE-COS (`AES256`) on or off; any other default — SSE-KMS (`KMS`), SM4,
// or a rule without a default — is shown as it is and never rewritten by the switch.
import type { EncryptionConfiguration } from '../../../../shared/xml/encryption';

export const SSE_COS = 'AES256';

export type EncryptionState =
  | { kind: 'off' }
  | { kind: 'sseCos' }
  | { kind: 'other'; algorithm: string; kmsMasterKeyId?: string; kmsAlgorithm?: string }
  /** A configuration whose rules name no default algorithm: it encrypts nothing. */
  | { kind: 'noDefault' };

export function encryptionState(config: EncryptionConfiguration | null): EncryptionState {
  if (config === null) return { kind: 'off' };
  const d = config.rules.find((r) => r.applyByDefault)?.applyByDefault;
  if (!d) return { kind: 'noDefault' };
  if (d.sseAlgorithm === SSE_COS && d.kmsMasterKeyId === undefined && d.kmsAlgorithm === undefined) return { kind: 'sseCos' };
  return {
    kind: 'other', algorithm: d.sseAlgorithm,
    ...(d.kmsMasterKeyId === undefined ? {} : { kmsMasterKeyId: d.kmsMasterKeyId }),
    ...(d.kmsAlgorithm === undefined ? {} : { kmsAlgorithm: d.kmsAlgorithm }),
  };
}

/** The configuration that makes COS encrypt new objects with SSE-COS (the PUT body of 436/40136). */
export function sseCosConfiguration(): EncryptionConfiguration {
  return { rules: [{ applyByDefault: { sseAlgorithm: SSE_COS } }] };
}
