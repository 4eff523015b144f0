// Request bodies for the HTTP fuzz test: valid-looking COS documents per subresource (436/7751
// API index), mutated and truncated ones, random bytes, deep nesting, DTDs, JSON for ?policy,
// multipart forms for POST Object, and bodies over the 64 KB configuration limit.
import { createHash } from 'node:crypto';
import type { Rng } from './prng';

const OWNER = 'qcs::cam::uin/100000000001:uin/100000000001';

/** A valid-looking document for each subresource that takes a body. */
export const TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  cors: ['<CORSConfiguration><CORSRule><ID>r1</ID><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod>' +
    '<AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>600</MaxAgeSeconds></CORSRule></CORSConfiguration>'],
  tagging: ['<Tagging><TagSet><Tag><Key>k1</Key><Value>v1</Value></Tag><Tag><Key>k2</Key><Value></Value></Tag></TagSet></Tagging>'],
  lifecycle: [
    '<LifecycleConfiguration><Rule><ID>r1</ID><Filter><Prefix>logs/</Prefix></Filter><Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule></LifecycleConfiguration>',
    '<LifecycleConfiguration><Rule><ID>r2</ID><Filter><And><Prefix>a/</Prefix><Tag><Key>k</Key><Value>v</Value></Tag></And></Filter><Status>Enabled</Status>' +
      '<Transition><Days>30</Days><StorageClass>STANDARD_IA</StorageClass></Transition><NoncurrentVersionExpiration><NoncurrentDays>5</NoncurrentDays></NoncurrentVersionExpiration>' +
      '<AbortIncompleteMultipartUpload><DaysAfterInitiation>2</DaysAfterInitiation></AbortIncompleteMultipartUpload></Rule></LifecycleConfiguration>',
  ],
  website: ['<WebsiteConfiguration><IndexDocument><Suffix>index.html</Suffix></IndexDocument><RedirectAllRequestsTo><Protocol>https</Protocol></RedirectAllRequestsTo>' +
    '<ErrorDocument><Key>error.html</Key></ErrorDocument><RoutingRules><RoutingRule><Condition><HttpErrorCodeReturnedEquals>404</HttpErrorCodeReturnedEquals></Condition>' +
    '<Redirect><Protocol>https</Protocol><ReplaceKeyWith>404.html</ReplaceKeyWith></Redirect></RoutingRule><RoutingRule><Condition><KeyPrefixEquals>docs/</KeyPrefixEquals></Condition>' +
    '<Redirect><ReplaceKeyPrefixWith>documents/</ReplaceKeyPrefixWith></Redirect></RoutingRule></RoutingRules></WebsiteConfiguration>'],
  referer: ['<RefererConfiguration><Status>Enabled</Status><RefererType>White-List</RefererType><DomainList><Domain>*.example.com</Domain><Domain>localhost</Domain></DomainList>' +
    '<EmptyReferConfiguration>Allow</EmptyReferConfiguration></RefererConfiguration>'],
  replication: [`<ReplicationConfiguration><Role>${OWNER}</Role><Rule><ID>r1</ID><Status>Enabled</Status><Prefix>a/</Prefix>` +
    '<Destination><Bucket>qcs::cos:ap-guangzhou::fuzzdest-1250000000</Bucket><StorageClass>STANDARD</StorageClass></Destination></Rule></ReplicationConfiguration>'],
  versioning: ['<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>', '<VersioningConfiguration><Status>Suspended</Status></VersioningConfiguration>'],
  acl: [`<AccessControlPolicy><Owner><ID>${OWNER}</ID></Owner><AccessControlList><Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser">` +
    `<ID>${OWNER}</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant><Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group">` +
    '<URI>http://cam.qcloud.com/groups/global/AllUsers</URI></Grantee><Permission>READ</Permission></Grant></AccessControlList></AccessControlPolicy>'],
  domain: [
    '<DomainConfiguration><DomainRule><Status>ENABLED</Status><Name>www.example.com</Name><Type>REST</Type></DomainRule></DomainConfiguration>',
    '<DomainConfiguration><DomainRule><Status>ENABLED</Status><Name>web.example.com</Name><Type>WEBSITE</Type><Replace>CNAME</Replace></DomainRule></DomainConfiguration>',
  ],
  encryption: ['<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>'],
  delete: ['<Delete><Quiet>false</Quiet><Object><Key>k</Key></Object><Object><Key>a&amp;b &lt;c&gt;</Key><VersionId>null</VersionId></Object><Object><Key>dir/x</Key></Object></Delete>'],
  uploadId: ['<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"0cc175b9c0f1b6a831c399e269772661"</ETag></Part><Part><PartNumber>2</PartNumber><ETag>"x"</ETag></Part></CompleteMultipartUpload>'],
  bucket: ['<CreateBucketConfiguration><BucketAZConfig>MAZ</BucketAZConfig></CreateBucketConfiguration>'],
};

const POLICIES = [
  '{"version":"2.0","Statement":[{"Principal":{"qcs":["qcs::cam::anyone:anyone"]},"Effect":"allow","Action":["name/cos:GetObject"],' +
    '"Resource":["qcs::cos:ap-guangzhou:uid/1250000000:fuzz-1250000000/*"]}]}',
  '{"version":"2.0","Statement":[{"Principal":{"qcs":["qcs::cam::uin/100000000001:uin/100000000002"]},"Effect":"deny","Action":["name/cos:*"],' +
    '"Resource":["qcs::cos:ap-guangzhou:uid/1250000000:fuzz-1250000000/*"],"Condition":{"string_like":{"cos:prefix":"a*"}}}]}',
  '{', '[]', 'null', '{"Statement":1}', '{"version":"2.0","Statement":[{}]}', '{"version":"2.0","Statement":[{"Effect":"allow","Action":"*","Resource":"*","Principal":"*"}]}',
  '{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}', '"string"', '1e999', '{"a":"\\ud800"}',
];

const GARBAGE_TEXT = ['', ' ', '-1', '0', '99999999999999999999', '1e3', 'NaN', 'x'.repeat(300), '&amp;&lt;', '<![CDATA[x]]>', '中文🙂', 'Enabled', 'Disabled',
  '*', '../..', 'GET', 'true', 'AES256', 'http://x', '\u0000', '%zz'];

const NAMES = ['Rule', 'Status', 'ID', 'Key', 'Value', 'Object', 'Days', 'Prefix', 'Tag', '__proto__', 'constructor', 'toString', 'x:y', 'Grant'];

/** Replaces one element's text, duplicates an element, inserts a stray one, or cuts a closing tag. */
export function mutateXml(rng: Rng, xml: string): string {
  const tags = [...xml.matchAll(/<([A-Za-z][\w:]*)[^>]*>([^<]*)<\/\1>/g)];
  const choice = rng.int(4);
  if (choice === 0 && tags.length > 0) {
    const m = rng.pick(tags);
    return xml.replace(m[0], `<${m[1] ?? 'X'}>${rng.pick(GARBAGE_TEXT)}</${m[1] ?? 'X'}>`);
  }
  if (choice === 1 && tags.length > 0) {
    const m = rng.pick(tags);
    return xml.replace(m[0], m[0].repeat(rng.between(2, 40)));
  }
  if (choice === 2) {
    const at = xml.indexOf('>') + 1;
    const name = rng.pick(NAMES);
    return `${xml.slice(0, at)}<${name}>${rng.pick(GARBAGE_TEXT)}</${name}>${xml.slice(at)}`;
  }
  const closes = [...xml.matchAll(/<\/[^>]+>/g)];
  if (closes.length === 0) return xml;
  const c = rng.pick(closes);
  return xml.slice(0, c.index) + xml.slice((c.index ?? 0) + c[0].length);
}

const LAUGHS = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
  '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>';
const EXTERNAL = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY ext SYSTEM "file:///etc/passwd">]>';

function rootOf(template: string): string {
  return /^<([A-Za-z]+)/.exec(template)?.[1] ?? 'Root';
}

/** A multipart/form-data POST Object body (436/14690) with a boundary; sometimes cut short. */
function form(rng: Rng): { body: Buffer; contentType: string } {
  const boundary = `----fuzz${rng.int(1e9)}`;
  const fields: [string, string][] = [['key', rng.pick(['upload/${filename}', 'k', '', '../x', 'a'.repeat(900)])]];
  for (let i = rng.int(5); i > 0; i--) {
    fields.push([rng.pick(['policy', 'Signature', 'q-sign-algorithm', 'q-ak', 'q-key-time', 'q-signature', 'success_action_status', 'success_action_redirect',
      'x-cos-meta-a', 'Content-Type', 'x-cos-storage-class', 'acl', 'x-cos-security-token', 'Cache-Control', 'x-cos-tagging']), rng.pick(GARBAGE_TEXT)]);
  }
  const parts = fields.map(([n, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`);
  if (rng.chance(0.8)) parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${rng.pick(['a.txt', '', '中.txt', '..'])}"\r\nContent-Type: text/plain\r\n\r\n${'f'.repeat(rng.int(3000))}\r\n`);
  let text = `${parts.join('')}--${boundary}--\r\n`;
  if (rng.chance(0.2)) text = text.slice(0, rng.int(text.length));
  const contentType = rng.chance(0.9) ? `multipart/form-data; boundary=${boundary}` : rng.pick(['multipart/form-data', 'multipart/form-data; boundary=', 'text/plain']);
  return { body: Buffer.from(text), contentType };
}

export interface GeneratedBody {
  body: Buffer;
  /** A Content-Type to send with it, if the body calls for one. */
  contentType?: string;
}

/** A body for a request selecting `subresource` (or an object/bucket body when undefined). */
export function generateBody(rng: Rng, subresource: string | undefined, method: string, level: string): GeneratedBody {
  if (method === 'POST' && subresource === undefined && level === 'bucket' && rng.chance(0.6)) return form(rng);
  if (subresource === 'policy' && rng.chance(0.7)) {
    const r = rng.next();
    if (r < 0.05) return { body: Buffer.from(`${'['.repeat(50_000)}${']'.repeat(50_000)}`) };
    if (r < 0.1) return { body: Buffer.from(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`) };
    return { body: Buffer.from(rng.pick(POLICIES)) };
  }
  const templates = TEMPLATES[subresource ?? (level === 'bucket' ? 'bucket' : '')] ?? TEMPLATES['tagging'] ?? [];
  const template = rng.pick(templates);
  const r = rng.next();
  if (r < 0.08) return { body: Buffer.alloc(0) };
  if (r < 0.38) return { body: Buffer.from(template) };
  if (r < 0.58) return { body: Buffer.from(mutateXml(rng, template)) };
  if (r < 0.64) return { body: Buffer.from(template.slice(0, rng.int(template.length))) };
  if (r < 0.72) return { body: Buffer.from(rng.bytes(rng.int(2000))) };
  if (r < 0.76) {
    const depth = rng.between(200, 1200);
    return { body: Buffer.from(`<${rootOf(template)}>${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}</${rootOf(template)}>`) };
  }
  if (r < 0.81) {
    const laughs = rng.chance(0.5);
    const root = rootOf(template);
    const keyed = template.replace(/<Key>[^<]*</, laughs ? '<Key>&lol4;<' : '<Key>&ext;<');
    return { body: Buffer.from(`${laughs ? LAUGHS : EXTERNAL.replace(' r ', ` ${root} `)}${keyed}`) };
  }
  if (r < 0.85) {
    const at = template.indexOf('>') + 1;
    const name = rng.pick(['__proto__', 'constructor', 'prototype']);
    return { body: Buffer.from(`${template.slice(0, at)}<${name}><polluted>1</polluted></${name}>${template.slice(at)}`) };
  }
  if (r < 0.89) {
    // Over the 64 KB configuration limit (436/8279): a template with one element repeated.
    const big = template.replace(/(<(\w+)>[^<]*<\/\2>)/, (m) => m.repeat(Math.ceil(70_000 / m.length) + rng.int(2000)));
    return { body: Buffer.from(big.length > 65_536 ? big : big + ' '.repeat(70_000)) };
  }
  if (r < 0.92) return { body: Buffer.from(`${'x'.repeat(rng.between(1, 5000))}`) };
  if (r < 0.95) return { body: Buffer.from(`\uFEFF${template}`) };
  return { body: Buffer.from(`<?xml version="1.0" encoding="${rng.pick(['UTF-8', 'GBK', 'nope'])}"?>${template}`) };
}

export function md5Base64(body: Buffer): string {
  return createHash('md5').update(body).digest('base64');
}
