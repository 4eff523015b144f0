// The self-signed certificate of cos-local's HTTPS port (docs/cos-behaviour.md "Addressing and
// endpoints"): written to <dir>/cert.pem and <dir>/key.pem (0600), reused while it is still valid and
// names every host below, so clients keep trusting it (NODE_EXTRA_CA_CERTS=<dir>/cert.pem) across
// restarts. Generated in pure JS by `selfsigned` (WebCrypto), not the openssl CLI, which a fresh CI
// machine may lack. An EC P-256 key: fast to make, accepted by Node and Chromium. Names: loopback,
// `localhost` and `*.localhost` (what Chromium resolves to loopback), and the production hosts the SDKs
// keep in Host/SNI when pointed at cos-local with `Ip` or a host mapping: COS service and bucket hosts
// of the common regions (https://cloud.tencent.com/document/product/436/6224) and the STS endpoints
// qcloud-cos-sts calls (qcloud-cos-sts 3.1.3 sdk/sts.js). A wildcard covers one label only, so bucket
// hosts need one `*.cos.<region>.<suffix>` name per region (Node's checkServerIdentity refuses
// `*.localhost` itself as a `*.tld` wildcard; the certificate lists it for clients that take it).
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export const TLS_REGIONS = [
  'ap-beijing', 'ap-nanjing', 'ap-shanghai', 'ap-guangzhou', 'ap-chengdu', 'ap-chongqing',
  'ap-shenzhen-fsi', 'ap-shanghai-fsi', 'ap-beijing-fsi', 'ap-hongkong', 'ap-singapore', 'ap-jakarta',
  'ap-seoul', 'ap-bangkok', 'ap-tokyo', 'ap-mumbai', 'na-siliconvalley', 'na-ashburn', 'sa-saopaulo', 'eu-frankfurt',
] as const;

export const TLS_IPS = ['127.0.0.1', '::1'] as const;

export const TLS_DNS_NAMES: readonly string[] = [
  'localhost', '*.localhost', 'service.cos.localhost',
  '*.myqcloud.com', 'service.cos.myqcloud.com',
  '*.tencentcloudapi.com', 'sts.tencentcloudapi.com', 'sts.internal.tencentcloudapi.com',
  ...TLS_REGIONS.flatMap((r) => [
    `cos.${r}.myqcloud.com`, `*.cos.${r}.myqcloud.com`, `*.cos-website.${r}.myqcloud.com`,
    `cos.${r}.localhost`, `*.cos.${r}.localhost`, `*.cos-website.${r}.localhost`,
  ]),
];

/** A certificate is renewed when it expires within this many days. */
const RENEW_DAYS = 30;
const VALID_DAYS = 825;
const DAY_MS = 86_400_000;

export interface TlsMaterial {
  certPath: string;
  keyPath: string;
  cert: string;
  key: string;
}

/** `IP Address:127.0.0.1, DNS:localhost, …` → the names it lists. */
function sanNames(cert: X509Certificate): Set<string> {
  const names = new Set<string>();
  for (const part of (cert.subjectAltName ?? '').split(',')) {
    const m = /^\s*(DNS|IP Address):(.+)$/.exec(part);
    if (m?.[2]) names.add(m[2].trim().toLowerCase());
  }
  return names;
}

/** The pair at these paths is usable: parses, matches, is valid long enough and names every host. */
function reusable(cert: string, key: string, nowMs: number): boolean {
  try {
    const x509 = new X509Certificate(cert);
    if (!x509.checkPrivateKey(createPrivateKey(key))) return false;
    if (Date.parse(x509.validFrom) > nowMs || Date.parse(x509.validTo) < nowMs + RENEW_DAYS * DAY_MS) return false;
    const names = sanNames(x509);
    // Node prints IPv6 SANs expanded (0:0:0:0:0:0:0:1), so only IPv4 is checked by text.
    return [...TLS_DNS_NAMES, '127.0.0.1'].every((n) => names.has(n.toLowerCase()));
  } catch {
    return false;
  }
}

async function generatePair(nowMs: number): Promise<{ cert: string; key: string }> {
  const notBeforeDate = new Date(nowMs - DAY_MS); // tolerate a client clock slightly behind
  const pems = await generate([{ name: 'commonName', value: 'cos-local' }, { name: 'organizationName', value: 'cos-local (self-signed)' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(nowMs + VALID_DAYS * DAY_MS),
    extensions: [
      // Its own CA, so trusting cert.pem (NODE_EXTRA_CA_CERTS, `ca`) is all a client needs.
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...TLS_IPS.map((ip) => ({ type: 7 as const, ip })), ...TLS_DNS_NAMES.map((value) => ({ type: 2 as const, value }))],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The certificate in `dir`, made (or remade) when missing, invalid, expiring or lacking a name. */
export async function ensureCertificate(dir: string, nowMs = Date.now()): Promise<TlsMaterial> {
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const [cert, key] = await Promise.all([readIfPresent(certPath), readIfPresent(keyPath)]);
  if (cert !== undefined && key !== undefined && reusable(cert, key, nowMs)) {
    await chmod(keyPath, 0o600);
    return { certPath, keyPath, cert, key };
  }
  const fresh = await generatePair(nowMs);
  // Each through a temporary file; a crash in between leaves a mismatched pair, remade next start.
  await writeFile(`${keyPath}.tmp`, fresh.key, { mode: 0o600 });
  await chmod(`${keyPath}.tmp`, 0o600);
  await rename(`${keyPath}.tmp`, keyPath);
  await writeFile(`${certPath}.tmp`, fresh.cert, { mode: 0o644 });
  await rename(`${certPath}.tmp`, certPath);
  return { certPath, keyPath, ...fresh };
}
