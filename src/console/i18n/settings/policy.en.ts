// English texts of the bucket page's policy part (src/console/i18n/en.ts includes them).
export const policyEn = {
  title: 'Bucket policy',
} as const;
