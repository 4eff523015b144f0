// English texts of the bucket page's acl part (src/console/i18n/en.ts includes them).
export const aclEn = {
  title: 'Access control list',
} as const;
