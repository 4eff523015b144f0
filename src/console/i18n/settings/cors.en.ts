// English texts of the bucket page's cors part (src/console/i18n/en.ts includes them).
export const corsEn = {
  title: 'CORS',
} as const;
