// English texts of the bucket page's overview part (src/console/i18n/en.ts includes them).
export const overviewEn = {
  title: 'Overview',
} as const;
