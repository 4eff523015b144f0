// English texts of the bucket page's versioning part (src/console/i18n/en.ts includes them).
export const versioningEn = {
  title: 'Versioning',
  intro: 'With versioning, COS keeps every version of an object: overwriting or deleting an object keeps the earlier versions, which can be listed, downloaded and restored.',
  current: 'Current state',
  state: { never: 'Never enabled', Enabled: 'Enabled', Suspended: 'Suspended' },
  stateHelp: {
    never: 'Versioning has never been enabled: an overwrite or a delete replaces the object for good.',
    Enabled: 'Every write creates a new version; a delete adds a delete marker and keeps the earlier versions.',
    Suspended: 'New writes replace the object\'s "null" version; the versions kept while versioning was enabled stay until they are deleted.',
  },
  facts: {
    title: 'Before you change it',
    oneWay: 'Once enabled, versioning can never be turned off again, only suspended.',
    suspend: 'Suspending keeps every existing version (they still take up storage); only new writes stop creating versions.',
    replication: 'Replication needs versioning enabled on both the source and the destination bucket.',
    storage: 'Every kept version is billed as stored data: a lifecycle rule can expire noncurrent versions.',
  },
  enable: 'Enable versioning',
  suspend: 'Suspend versioning',
  enabled: 'Versioning enabled.',
  suspended: 'Versioning suspended.',
  confirmEnable: {
    title: 'Enable versioning?',
    text: 'From now on COS keeps every version of every object in {{bucket}}.',
    oneWay: 'This cannot be undone: versioning can afterwards only be suspended, never turned off.',
    confirm: 'Enable versioning',
  },
  confirmSuspend: {
    title: 'Suspend versioning?',
    text: 'New writes to {{bucket}} will replace objects instead of creating versions. Existing versions are kept.',
    replication: 'This bucket replicates to {{destinations}}. Replication needs versioning enabled: COS refuses to suspend versioning while replication rules exist (PUT Bucket versioning), so remove the replication configuration first.',
    replicationLink: 'Open replication',
    replicationUnknown: 'The replication configuration could not be read: if this bucket replicates, COS refuses to suspend versioning until its replication rules are removed.',
    confirm: 'Suspend versioning',
  },
} as const;
