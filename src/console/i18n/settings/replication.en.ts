// English texts of the bucket page's replication part (src/console/i18n/en.ts includes them).
export const replicationEn = {
  title: 'Replication',
} as const;
