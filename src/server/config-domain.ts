// COS_DOMAIN / COS_SERVICE_DOMAIN: the endpoint templates of cloud mode, checked once at start.
//
// `domain` is the SDKs' `Domain` option (cos-js-sdk-v5 1.10.1 src/base.js getUrl, same in
// cos-nodejs-sdk-v5 3.0.0 sdk/base.js): `{Bucket}.cos.{Region}.myqcloud.com`, `{Bucket}.cos-internal.{Region}.tencentcos.cn`,
// or a private endpoint `https://cos.example.internal/{Bucket}`. The SDKs add `<protocol>//` when the
// template has no scheme and substitute `{Bucket}` (name-appid) and `{Region}`; they also know
// `{AppId}`, `{BucketName}` and `{{…}}` forms, and silently drop any other `{…}` — which is why only
// `{Bucket}` and `{Region}` are accepted here: a typo such as `{bucket-name}` would otherwise turn into
// a host that reaches the wrong place. `serviceDomain` (GET Service, listing buckets on the server) is a
// fixed URL or host: the Node SDK substitutes only `{{AppId}}`/`{{Region}}` there, which the console
// never passes. Both must be https in cloud mode unless `allowHttp` says otherwise (an internal
// endpoint without TLS): the signed requests and the object data travel over them.
//
// The host part must keep two fixed labels after its last placeholder, so the CSP can allow exactly
// what the template produces with a leading wildcard (`https://*.cos.ap-guangzhou.myqcloud.com`;
// security-headers.ts) instead of a whole top-level domain.
import { ConfigError } from './config-error';

const PLACEHOLDER = /\{[^}]*\}?/g;
const LABEL = /^[A-Za-z0-9-]+$/;
const PATH = /^(\/[A-Za-z0-9._~!$&'()*+,;=:@%-]*)*\/?$/;

export interface DomainRules {
  /** `{Bucket}` required and `{Region}` allowed (Domain) — or no placeholder at all (ServiceDomain). */
  placeholders: boolean;
  allowHttp: boolean;
}

/** Throws a ConfigError naming `where` (the variable or file key) unless the template is usable. */
export function checkDomainTemplate(where: string, template: string, rules: DomainRules): void {
  const fail = (why: string): never => {
    throw new ConfigError(`${where} "${template}" ${why}`);
  };
  if (template.trim() !== template || /\s/.test(template)) fail('must not contain spaces');
  const found: string[] = [...template.matchAll(PLACEHOLDER)].map((m) => m[0]);
  if (template.includes('{{')) fail('uses a {{…}} placeholder; only {Bucket} and {Region} are supported');
  if (template.includes('}') && found.length === 0) fail('has an unmatched }');
  if (rules.placeholders) {
    const bad = found.find((p) => p !== '{Bucket}' && p !== '{Region}');
    if (bad !== undefined) fail(`uses the placeholder ${bad}; only {Bucket} and {Region} are supported`);
    if (!found.includes('{Bucket}')) fail('must contain {Bucket}');
  } else if (found.length > 0) {
    fail('must be a fixed URL or host, without placeholders');
  }

  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(template);
  const rest = scheme ? template.slice(scheme[0].length) : template;
  if (scheme) {
    const name = (scheme[1] ?? '').toLowerCase();
    if (name !== 'https' && name !== 'http') fail('must use https:// (or no scheme)');
    if (name === 'http' && !rules.allowHttp) fail('uses http://; cloud mode needs https (set COS_ALLOW_HTTP=1 / cos.allowHttp for an endpoint without TLS)');
  }
  if (/[?#@\\]/.test(rest)) fail('must be a host with an optional path (no query, fragment or user)');
  const slash = rest.indexOf('/');
  const hostPort = slash < 0 ? rest : rest.slice(0, slash);
  const path = slash < 0 ? '' : rest.slice(slash);

  const portMatch = /:([^:]*)$/.exec(hostPort);
  const host = portMatch ? hostPort.slice(0, portMatch.index) : hostPort;
  if (portMatch && !/^\d{1,5}$/.test(portMatch[1] ?? '')) fail('has an invalid port');
  if (host === '') fail('has no host');
  const labels = host.split('.');
  let last = -1;
  labels.forEach((label, i) => {
    if (label.includes('{')) last = i;
    if (!LABEL.test(label.replace(PLACEHOLDER, 'x'))) fail(`has an invalid host label "${label}"`);
  });
  if (last >= 0 && labels.length - last - 1 < 2) fail('must keep at least two fixed host labels after its last placeholder (e.g. {Bucket}.cos.{Region}.myqcloud.com)');
  if (!PATH.test(path.replace(PLACEHOLDER, 'x'))) fail('has an invalid path');
}
