// Where a bucket's static website is served. COS: `<BucketName-APPID>.cos-website.<Region>.myqcloud.com`
// (static website guide https://cloud.tencent.com/document/product/436/14984, PUT Bucket website
// https://cloud.tencent.com/document/product/436/30617); cos-local serves the same host under its own
// suffix (docs/cos-behaviour.md "Static website"). The console knows its COS hosts from /api/config:
// `cos.domain` is cos-js-sdk-v5's Domain template (e.g. `http://{Bucket}.cos.{Region}.localhost:9000`),
// '' for the SDK's default `https://{Bucket}.cos.{Region}.myqcloud.com`.
import type { ConfigResponse } from '../../../../shared/api/meta';

export interface WebsiteEndpoint {
  /** The site's root URL, ending in `/`. */
  url: string;
  /** The Host the endpoint answers on (the redirect tester's redirects stay on it). */
  host: string;
  scheme: 'http' | 'https';
}

const DEFAULT_DOMAIN = '{Bucket}.cos.{Region}.myqcloud.com';

/**
 * The website endpoint for a bucket, or undefined when the configured COS domain is not the
 * virtual-hosted `{Bucket}.cos.{Region}.<suffix>` form (a path-style or custom domain says nothing
 * about where the website host is).
 */
export function websiteEndpoint(config: Pick<ConfigResponse, 'cos'>, bucket: string, region: string): WebsiteEndpoint | undefined {
  const template = config.cos.domain === '' ? DEFAULT_DOMAIN : config.cos.domain;
  const match = /^(?:(https?):\/\/)?\{Bucket\}\.cos\.\{Region\}\.([^/]+?)\/?$/i.exec(template);
  if (!match) return undefined;
  const schemeFromTemplate = match[1]?.toLowerCase();
  const scheme: 'http' | 'https' =
    schemeFromTemplate === 'http' || schemeFromTemplate === 'https' ? schemeFromTemplate : config.cos.protocol === 'http:' ? 'http' : 'https';
  const host = `${bucket}.cos-website.${region}.${match[2] ?? ''}`;
  return { url: `${scheme}://${host}/`, host, scheme };
}
