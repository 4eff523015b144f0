// English texts of the bucket page's encryption part (src/console/i18n/en.ts includes them).
export const encryptionEn = {
  title: 'Encryption',
  intro: 'Default encryption makes COS encrypt each new object at rest with SSE-COS (AES-256, keys managed by COS) when its upload asks for no encryption. Objects already in the bucket are not changed, and downloads work as before: COS decrypts for anyone allowed to read.',
  switchLabel: 'Encrypt new objects with SSE-COS (AES256)',
  on: 'On: new objects are encrypted at rest with SSE-COS (AES256).',
  off: 'Off: new objects are stored as their upload asks.',
  other: 'This bucket\'s default encryption is {{algorithm}}, set outside this console. The console manages SSE-COS only, so it shows this setting read-only rather than replace it. Change it in the Tencent Cloud console or through the API.',
  kmsKey: 'KMS key: {{id}}',
  kmsAlgorithm: 'KMS algorithm: {{algorithm}}',
  algorithms: { KMS: 'SSE-KMS (keys in Key Management Service)', SM4: 'SSE-COS with the SM4 algorithm', AES256: 'SSE-COS (AES256) with KMS parameters' },
  noDefault: 'The bucket has an encryption configuration that names no algorithm, so it encrypts nothing. Turning SSE-COS on replaces it.',
  confirmOffTitle: 'Turn off default encryption?',
  confirmOffBody: 'New objects are no longer encrypted unless their upload asks for it. Objects already encrypted stay encrypted.',
  turnOff: 'Turn off',
} as const;
