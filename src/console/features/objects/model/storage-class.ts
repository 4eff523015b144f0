// COS storage classes with a translated name (https://cloud.tencent.com/document/product/436/33417).
const KNOWN = [
  'STANDARD',
  'STANDARD_IA',
  'ARCHIVE',
  'DEEP_ARCHIVE',
  'INTELLIGENT_TIERING',
  'MAZ_STANDARD',
  'MAZ_STANDARD_IA',
  'MAZ_ARCHIVE',
  'MAZ_INTELLIGENT_TIERING',
] as const;

type KnownStorageClass = (typeof KNOWN)[number];

/** The catalog key naming a storage class, or undefined for one we do not know (shown as COS spells it). */
export function storageClassKey(storageClass: string): `storageClass.${KnownStorageClass}` | undefined {
  const known = KNOWN.find((k) => k === storageClass);
  return known ? `storageClass.${known}` : undefined;
}
