// English texts of the bucket page's website part (src/console/i18n/en.ts includes them).
export const websiteEn = {
  title: 'Static website',
} as const;
