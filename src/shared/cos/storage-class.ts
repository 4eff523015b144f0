// COS storage classes (436/33417 storage class overview; PUT Object `x-cos-storage-class`, 436/7749).
// Names are compared case-insensitively: the SDK docs' own replication example sends `Standard`
// (436/19223 SDK samples), and COS answers with the upper-case name.

/** Classes an object can be read in without a restore. */
export const READABLE_STORAGE_CLASSES = [
  'STANDARD', 'STANDARD_IA', 'INTELLIGENT_TIERING', 'MAZ_STANDARD', 'MAZ_STANDARD_IA', 'MAZ_INTELLIGENT_TIERING',
] as const;

/** Classes that need POST Object restore before a GET (cos-local does not emulate restore). */
export const ARCHIVE_STORAGE_CLASSES = ['ARCHIVE', 'DEEP_ARCHIVE', 'MAZ_ARCHIVE'] as const;

export type StorageClassKind = 'readable' | 'archive' | 'unknown';

export function storageClassKind(name: string): StorageClassKind {
  const upper = name.toUpperCase();
  if ((READABLE_STORAGE_CLASSES as readonly string[]).includes(upper)) return 'readable';
  return (ARCHIVE_STORAGE_CLASSES as readonly string[]).includes(upper) ? 'archive' : 'unknown';
}
