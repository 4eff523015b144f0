// English texts of the bucket page's tags part (src/console/i18n/en.ts includes them).
export const tagsEn = {
  title: 'Bucket tags',
} as const;
