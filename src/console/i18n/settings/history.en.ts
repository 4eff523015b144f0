// English texts of the bucket page's history part (src/console/i18n/en.ts includes them).
export const historyEn = {
  title: 'History',
} as const;
