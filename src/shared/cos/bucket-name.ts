// Bucket naming rules. Doc: https://cloud.tencent.com/document/product/436/13312
// A bucket is named `<BucketName>-<APPID>`: the short name has lower-case letters, digits and
// hyphens, and neither starts nor ends with a hyphen. The whole name is limited to 50 characters
// (the COS console counts the "-APPID" suffix in; some editions of the doc give 50 for the short
// name alone, the stricter reading is kept).

export const MAX_BUCKET_NAME_LENGTH = 50;

const SHORT_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const FULL_NAME = /^(.+)-(\d+)$/;

/** The shape the SDKs and the path-style router recognise as a bucket (`test-1250000000`). */
export const BUCKET_SEGMENT = /^[a-z0-9-]+-\d+$/;

export type BucketNameResult =
  | { ok: true; shortName: string; appId: string }
  | { ok: false; reason: string };

/** Splits and validates `<name>-<appid>`. */
export function parseBucketName(name: string): BucketNameResult {
  const m = FULL_NAME.exec(name);
  if (!m) return { ok: false, reason: 'a bucket name must end with -<APPID>' };
  const shortName = m[1] ?? '';
  const appId = m[2] ?? '';
  if (name.length > MAX_BUCKET_NAME_LENGTH) return { ok: false, reason: `longer than ${MAX_BUCKET_NAME_LENGTH} characters` };
  if (!SHORT_NAME.test(shortName)) {
    return { ok: false, reason: 'only a-z, 0-9 and "-" are allowed, and the name may not start or end with "-"' };
  }
  return { ok: true, shortName, appId };
}

/** Region names as the SDKs accept them (cos-js-sdk-v5 `Region` check). */
export function isValidRegion(region: string): boolean {
  return /^[a-z0-9-]+$/.test(region) && !region.startsWith('cos.');
}
