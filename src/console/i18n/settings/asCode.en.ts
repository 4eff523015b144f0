// English texts of the bucket page's asCode part (src/console/i18n/en.ts includes them).
export const asCodeEn = {
  title: 'Settings as code',
} as const;
