// English texts of the bucket page's hotlink part (src/console/i18n/en.ts includes them).
export const hotlinkEn = {
  title: 'Hotlink protection',
} as const;
