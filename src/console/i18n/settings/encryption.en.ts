// English texts of the bucket page's encryption part (src/console/i18n/en.ts includes them).
export const encryptionEn = {
  title: 'Encryption',
} as const;
