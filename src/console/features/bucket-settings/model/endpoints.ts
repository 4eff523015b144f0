// The addresses of a bucket the overview shows, derived from the console's cos-js-sdk-v5 `Domain`
// template (/api/config; '' means the SDK's default `{Bucket}.cos.{Region}.myqcloud.com`, the template form
// https://cloud.tencent.com/document/product/436/55437 documents for `Domain`), and the replication destinations
// written as COS resource names (PUT Bucket replication, https://cloud.tencent.com/document/product/436/19223).

export interface EndpointConfig {
  /** cos-js-sdk-v5 `Domain` template, '' for COS's own hosts. */
  domain: string;
  protocol: 'http:' | 'https:';
}

const DEFAULT_TEMPLATE = '{Bucket}.cos.{Region}.myqcloud.com';

function fill(template: string, bucket: string, region: string, protocol: string): string {
  const filled = template.replaceAll('{Bucket}', bucket).replaceAll('{Region}', region);
  return /^[a-z]+:\/\//i.test(filled) ? filled : `${protocol}//${filled}`;
}

/** The bucket's default (virtual-hosted) endpoint, as the console's requests address it. */
export function bucketEndpoint(config: EndpointConfig, bucket: string, region: string): string {
  return fill(config.domain || DEFAULT_TEMPLATE, bucket, region, config.protocol).replace(/\/$/, '');
}

/**
 * The static website endpoint: the default host with `cos-website` in place of `cos`
 * (https://cloud.tencent.com/document/product/436/14984, "static website domain"), which cos-local
 * serves the same way. Undefined when the template is not of that form (a path-style or private
 * endpoint), where the console cannot know it.
 */
export function websiteEndpoint(config: EndpointConfig, bucket: string, region: string): string | undefined {
  const template = config.domain || DEFAULT_TEMPLATE;
  const m = /^((?:[a-z]+:\/\/)?)\{Bucket\}\.cos\.\{Region\}\.(.+)$/i.exec(template);
  if (!m) return undefined;
  return fill(`${m[1] ?? ''}{Bucket}.cos-website.{Region}.${m[2] ?? ''}`, bucket, region, config.protocol).replace(/\/$/, '');
}

export interface ReplicationTarget {
  bucket: string;
  region: string;
}

/**
 * A destination's `qcs::cos:<region>::<bucket-appid>` or `qcs:id/0:cos:<region>:appid/<appid>:<bucket>`
 * as bucket and region; undefined for anything else (shown verbatim).
 */
export function replicationTarget(resource: string): ReplicationTarget | undefined {
  const short = /^qcs::cos:([^:]+)::([^:/]+)$/.exec(resource);
  if (short?.[1] && short[2]) return { region: short[1], bucket: short[2] };
  const long = /^qcs:id\/\d+:cos:([^:]+):appid\/(\d+):([^:/]+)$/.exec(resource);
  if (long?.[1] && long[2] && long[3]) {
    const name = long[3].endsWith(`-${long[2]}`) ? long[3] : `${long[3]}-${long[2]}`;
    return { region: long[1], bucket: name };
  }
  return undefined;
}

/** The distinct destinations of a replication configuration, as `bucket (region)` or the resource name as sent. */
export function replicationDestinations(rules: readonly { destination: { bucket: string } }[]): string[] {
  const labels = rules.map(({ destination }) => {
    const t = replicationTarget(destination.bucket);
    return t ? `${t.bucket} (${t.region})` : destination.bucket;
  });
  return [...new Set(labels)];
}
