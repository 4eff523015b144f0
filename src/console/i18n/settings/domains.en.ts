// English texts of the bucket page's domains part (src/console/i18n/en.ts includes them).
export const domainsEn = {
  title: 'Custom domains',
} as const;
