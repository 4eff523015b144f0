// English catalog. zh-CN.ts must have exactly these keys (checked by the type Catalog and by
// catalogs.test.ts). Language names and the language label are the same in every catalog on purpose:
// a user who cannot read the current language must still find the switch.
export const en = {
  app: {
    productName: 'COS Console',
    skipToContent: 'Skip to content',
  },
  language: {
    label: 'Language / 语言',
    en: 'English',
    zhCN: '简体中文',
  },
  auth: {
    subtitle: 'Sign in to manage your object storage.',
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    signOut: 'Sign out',
    usernameRequired: 'Enter your username.',
    passwordRequired: 'Enter your password.',
    role: { admin: 'Administrator', user: 'User' },
    errors: {
      invalidCredentials: 'Incorrect username or password',
      rateLimited: 'Too many sign-in attempts. Wait a minute, then try again.',
      network: 'Cannot reach the console server. Check your connection and try again.',
      generic: 'Sign-in failed: {{message}}',
      signOutFailed: 'Could not sign out: {{message}}',
    },
  },
  common: {
    retry: 'Retry',
    refresh: 'Refresh',
    loading: 'Loading…',
    errorCode: 'Error code: {{code}}',
    requestId: 'Request ID: {{id}}',
  },
  buckets: {
    title: 'Buckets',
    filterLabel: 'Filter buckets by name',
    filterPlaceholder: 'Filter by name',
    empty: 'There are no buckets you can see yet.',
    noMatch: 'No bucket name contains “{{query}}”.',
    loadError: 'Could not load the bucket list',
    columns: { name: 'Bucket name', region: 'Region', createdAt: 'Created' },
  },
  objects: {
    breadcrumbLabel: 'Breadcrumb',
    upOneLevel: 'Up one level',
    loadMore: 'Load more',
    emptyFolder: 'This folder is empty.',
    emptyBucket: 'This bucket is empty.',
    folder: 'Folder',
    shown: 'Items shown: {{count}}',
    regionLabel: 'Region: {{region}}',
    loadError: 'Could not list the objects',
    backToBuckets: 'Back to the bucket list',
    regionUnknown: 'The region of bucket {{bucket}} is unknown.',
    columns: { name: 'Name', size: 'Size', lastModified: 'Last modified', storageClass: 'Storage class' },
    hints: {
      accessDenied: 'You do not have permission to list this location. Ask an administrator for access, or open a folder you are allowed to use.',
      noSuchBucket: 'This bucket does not exist in region {{region}}. Check the bucket name and region, or go back to the bucket list.',
      forbidden: 'The console does not allow you to list this location. Ask an administrator to grant the permission named above.',
      sessionExpired: 'Your session has ended. Sign in again to continue.',
      credentials: 'COS rejected the credentials of the console server. Ask an administrator to check its COS keys and clock.',
      network: 'The storage endpoint did not answer. Check that it is running and that it allows requests from this page (CORS), then retry.',
      regionUnknown: 'Open the bucket from the bucket list, or add ?region= to the address.',
      generic: 'Try again. If the problem persists, contact an administrator.',
    },
  },
  storageClass: {
    STANDARD: 'Standard',
    STANDARD_IA: 'Standard IA',
    ARCHIVE: 'Archive',
    DEEP_ARCHIVE: 'Deep Archive',
    INTELLIGENT_TIERING: 'Intelligent Tiering',
    MAZ_STANDARD: 'Standard (multi-AZ)',
    MAZ_STANDARD_IA: 'Standard IA (multi-AZ)',
    MAZ_INTELLIGENT_TIERING: 'Intelligent Tiering (multi-AZ)',
  },
  fileSize: {
    byte: '{{value}} byte',
    bytes: '{{value}} bytes',
    KB: '{{value}} KB',
    MB: '{{value}} MB',
    GB: '{{value}} GB',
    TB: '{{value}} TB',
    PB: '{{value}} PB',
  },
  errors: {
    title: 'Something went wrong',
    notFound: 'This page does not exist.',
    reload: 'Reload',
    goToBuckets: 'Go to the bucket list',
    refreshFailed: 'Could not refresh: {{message}}',
  },
} as const;

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** The shape every catalog has: the keys of `en`, each with some string. */
export type Catalog = Strings<typeof en>;
