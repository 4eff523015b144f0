// Checks of the "Create bucket" form, with the COS naming rules of src/shared/cos/bucket-name.ts
// (https://cloud.tencent.com/document/product/436/13312): `<name>-<APPID>`, a–z 0–9 and "-", no "-"
// first or last, at most 50 characters in all. Results are i18n keys, so the form can say which
// rule a name breaks.
import { isValidRegion, MAX_BUCKET_NAME_LENGTH, parseBucketName } from '../../../../shared/cos/bucket-name';

export type BucketNameProblem =
  | { key: 'bucketCreate.errors.required' }
  | { key: 'bucketCreate.errors.suffix' }
  | { key: 'bucketCreate.errors.length'; max: number }
  | { key: 'bucketCreate.errors.chars' }
  | { key: 'bucketCreate.errors.appId'; appId: string };

/** The APPID every listed bucket shares (the account's), or undefined when there is none or several. */
export function accountAppId(buckets: readonly { name: string }[]): string | undefined {
  const ids = new Set(buckets.flatMap((b) => {
    const parsed = parseBucketName(b.name);
    return parsed.ok ? [parsed.appId] : [];
  }));
  return ids.size === 1 ? [...ids][0] : undefined;
}

/** What is wrong with a new bucket's name, or undefined when COS would accept it. */
export function bucketNameProblem(name: string, appId: string | undefined): BucketNameProblem | undefined {
  if (name === '') return { key: 'bucketCreate.errors.required' };
  if (!/-\d+$/.test(name)) return appId ? { key: 'bucketCreate.errors.appId', appId } : { key: 'bucketCreate.errors.suffix' };
  const parsed = parseBucketName(name);
  if (!parsed.ok) {
    return name.length > MAX_BUCKET_NAME_LENGTH ? { key: 'bucketCreate.errors.length', max: MAX_BUCKET_NAME_LENGTH } : { key: 'bucketCreate.errors.chars' };
  }
  if (appId !== undefined && parsed.appId !== appId) return { key: 'bucketCreate.errors.appId', appId };
  return undefined;
}

/** An example name for the help text: with the account's APPID when known. */
export const exampleBucketName = (appId: string | undefined): string => `examplebucket-${appId ?? '1250000000'}`;

export type RegionProblem = 'bucketCreate.errors.regionRequired' | 'bucketCreate.errors.regionInvalid';

export function regionProblem(region: string, allowed: readonly string[] | undefined): RegionProblem | undefined {
  if (region === '') return 'bucketCreate.errors.regionRequired';
  if (!isValidRegion(region) || (allowed !== undefined && allowed.length > 0 && !allowed.includes(region))) return 'bucketCreate.errors.regionInvalid';
  return undefined;
}

export { MAX_BUCKET_NAME_LENGTH };
