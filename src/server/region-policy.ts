// COS_ALLOWED_REGIONS (cloud mode; README.md "Configuration", "Allowed regions"): the only regions this
// console works in. Unset = every region. Applies to every kind of session — admins, console accounts,
// API-key sessions — because it is a property of the deployment (data residency, an internal endpoint
// per region), not of a person: bucket listings leave other regions out, and signatures, temporary
// keys, bucket creation and the console's CORS rule are refused for them (403 RegionNotAllowed, audited
// by the caller).
//
// A signature must be checked against every region the request can reach, not only the `Region` the
// browser declares: the signed Host decides where a request goes (`<bucket>.cos.<region>.…`,
// cos-js-sdk-v5 1.10.1 src/base.js getUrl), and a copy reads its source from `x-cos-copy-source`, possibly in another
// region (436/10881).
import { parseCopySource } from '../shared/access/request-scope';
import { ApiError } from './errors';

export const REGION_NOT_ALLOWED = 'RegionNotAllowed';

/** The request fields of /api/sign that name regions. */
export interface SignRegionInput {
  Bucket?: string;
  Region?: string;
  Headers: Readonly<Record<string, string>>;
}

const BUCKET_LABEL = /^[a-z0-9][a-z0-9-]*-\d+$/;
/** Host labels in the region position that are not regions (global acceleration endpoint). */
const NOT_REGIONS = new Set(['accelerate']);

/**
 * The region a COS host names: `<bucket>.cos[-internal|-website…].<region>.<suffix>` or the regional
 * service host `cos.<region>.<suffix>`; undefined for other hosts (path-style, custom domains).
 */
export function regionOfHost(host: string): string | undefined {
  const labels = host.toLowerCase().replace(/:\d+$/, '').split('.');
  let region: string | undefined;
  if (labels.length > 3 && BUCKET_LABEL.test(labels[0] ?? '') && /^cos(-[a-z]+)?$/.test(labels[1] ?? '')) region = labels[2];
  else if (labels.length > 3 && labels[0] === 'cos') region = labels[1];
  return region === undefined || NOT_REGIONS.has(region) ? undefined : region;
}

export class RegionPolicy {
  constructor(readonly allowed: readonly string[] | undefined) {}

  allows(region: string): boolean {
    return this.allowed === undefined || this.allowed.includes(region);
  }

  /** 403 RegionNotAllowed naming the allowed regions, or undefined when the region is allowed. */
  refusal(region: string): ApiError | undefined {
    if (this.allows(region)) return undefined;
    return new ApiError(403, REGION_NOT_ALLOWED, `Region ${region} is not allowed on this console; allowed: ${(this.allowed ?? []).join(', ')}.`);
  }

  /** The buckets in allowed regions. */
  filter<T extends { region: string }>(buckets: T[]): T[] {
    return this.allowed === undefined ? buckets : buckets.filter((b) => this.allows(b.region));
  }

  /**
   * For /api/sign: every region the request names (Region, the Host, a copy source) must be allowed.
   * A bucket request that names no region at all (a path-style or custom host without Region) cannot
   * be checked, so it is refused while a list is set.
   */
  signRefusal(input: SignRegionInput): ApiError | undefined {
    if (this.allowed === undefined) return undefined;
    const headers = new Map(Object.entries(input.Headers).map(([k, v]) => [k.toLowerCase(), v]));
    const regions = new Set<string>();
    if (input.Region !== undefined && input.Region !== '') regions.add(input.Region);
    const hostRegion = regionOfHost(headers.get('host') ?? '');
    if (hostRegion !== undefined) regions.add(hostRegion);
    const copy = headers.get('x-cos-copy-source');
    const source = copy === undefined ? undefined : parseCopySource(copy);
    if (source?.region !== undefined) regions.add(source.region);
    for (const region of regions) {
      const refused = this.refusal(region);
      if (refused) return refused;
    }
    if (regions.size === 0 && (input.Bucket ?? '') !== '') {
      return new ApiError(403, REGION_NOT_ALLOWED, `This console works only in ${(this.allowed).join(', ')}; the request must name its Region.`);
    }
    return undefined;
  }
}
