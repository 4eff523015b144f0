// English texts of the bucket page's navigation (src/console/i18n/en.ts includes them).
export const navEn = {
  title: 'Bucket sections',
  files: 'Files',
  settings: 'Settings',
  permissions: 'Permissions',
  manage: 'Changes',
} as const;
