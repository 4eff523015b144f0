// English texts of the bucket page's versioning part (src/console/i18n/en.ts includes them).
export const versioningEn = {
  title: 'Versioning',
} as const;
