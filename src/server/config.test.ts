// loadConfig: the environment, the CONSOLE_CONFIG file, which wins, and every validation error — each
// naming the variable or the file key, never a secret's value.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudTarget, ConfigError, loadConfig, SETTING_NAMES } from './config';
import { FILE_SHAPE } from './config-file';
import { writeTestCert, type TestCert } from './config-test-cert';

const dir = mkdtempSync(join(tmpdir(), 'cos-console-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SECRET_KEY = 'file-secret-key-do-not-print';
const CLOUD = { COS_SECRET_ID: 'AKIDcloud', COS_SECRET_KEY: SECRET_KEY };
let fileCount = 0;

/** Writes a config file (an object as JSON, or raw text) and returns its path. */
function file(content: unknown, name = `c${fileCount++}.json`): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

let cert: TestCert;
let other: TestCert;
beforeAll(async () => {
  cert = await writeTestCert(dir);
  other = await writeTestCert(dir, 'other');
});

/** The ConfigError's message; fails when loadConfig does not throw one. */
function errorOf(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error('no ConfigError');
}

describe('defaults', () => {
  it('is local mode on 127.0.0.1:3000, no TLS, no proxy trusted, every region', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', region: 'ap-guangzhou', trustProxy: false, secureCookies: false, logRequests: false, cosLocalPort: 9000, signSeconds: 300, stsSeconds: 900 });
    expect(c.cloud).toBeUndefined();
    expect(c.tls).toBeUndefined();
    expect(c.allowedRegions).toBeUndefined();
  });
});

describe('the CONSOLE_CONFIG file', () => {
  it('sets every setting, with paths relative to the file', () => {
    const path = file({
      port: 8443, host: '0.0.0.0', dataDir: 'state', adminPassword: 'pw-from-file', signSeconds: 600, stsSeconds: 900,
      trustProxy: ['10.0.0.0/8'], logRequests: true, session: { idleSeconds: 120, absoluteSeconds: 3600 },
      cosLocal: { port: 9100, accountsFile: 'accounts.json' },
      cos: {
        secretId: 'AKIDfile', secretKey: SECRET_KEY, region: 'ap-shanghai', allowedRegions: ['ap-shanghai', 'ap-beijing'],
        domain: '{Bucket}.cos-internal.{Region}.tencentcos.cn', serviceDomain: 'https://service.cos.tencentcos.cn', stsHost: 'sts.internal.tencentcloudapi.com',
      },
      tls: { certFile: cert.certFile, keyFile: cert.keyFile },
    });
    const c = loadConfig({ CONSOLE_CONFIG: path });
    expect(c).toMatchObject({
      configFile: path, port: 8443, host: '0.0.0.0', dataDir: join(dir, 'state'), cosLocalAccounts: join(dir, 'accounts.json'), cosLocalPort: 9100,
      adminPassword: 'pw-from-file', signSeconds: 600, stsSeconds: 900, trustProxy: ['10.0.0.0/8'], logRequests: true,
      sessionIdleSeconds: 120, sessionAbsoluteSeconds: 3600, region: 'ap-shanghai', allowedRegions: ['ap-shanghai', 'ap-beijing'],
      // TLS makes cookies Secure unless said otherwise.
      secureCookies: true,
    });
    expect(c.cloud).toEqual({
      secretId: 'AKIDfile', secretKey: SECRET_KEY, stsHost: 'sts.internal.tencentcloudapi.com',
      domain: '{Bucket}.cos-internal.{Region}.tencentcos.cn', serviceDomain: 'https://service.cos.tencentcos.cn',
    });
    expect(c.tls?.cert.toString()).toBe(cert.cert);
    expect(c.tls?.key.toString()).toBe(cert.key);
  });

  it('loses to a variable that is set, and not to one that is empty', () => {
    const path = file({ port: 8443, cos: { secretId: 'AKIDfile', secretKey: SECRET_KEY, region: 'ap-shanghai', allowedRegions: ['ap-shanghai'] }, secureCookies: false });
    const c = loadConfig({ CONSOLE_CONFIG: path, PORT: '9443', COS_REGION: 'ap-beijing', COS_ALLOWED_REGIONS: 'ap-beijing, ap-chengdu', SECURE_COOKIES: '1', HOST: '' });
    expect(c).toMatchObject({ port: 9443, region: 'ap-beijing', allowedRegions: ['ap-beijing', 'ap-chengdu'], secureCookies: true, host: '127.0.0.1' });
    expect(c.cloud?.secretId).toBe('AKIDfile');
    expect(loadConfig({ CONSOLE_CONFIG: path, COS_SECRET_ID: 'AKIDenv', COS_SECRET_KEY: 'env-key' }).cloud).toMatchObject({ secretId: 'AKIDenv', secretKey: 'env-key' });
  });

  it('knows a key for every variable', () => {
    // Each variable's file key exists in FILE_SHAPE (a new variable needs its key, and README both).
    const keys = new Set<string>();
    const walk = (shape: object, prefix: string): void => {
      for (const [k, v] of Object.entries(shape)) {
        if (typeof v === 'object') walk(v as object, `${prefix}${k}.`);
        else keys.add(`${prefix}${k}`);
      }
    };
    walk(FILE_SHAPE, '');
    expect(keys.size).toBe(SETTING_NAMES.length);
  });
});

describe('validation errors', () => {
  const missing = join(dir, 'missing.json');
  // [case, environment (a function: files are made when the case runs), message pattern]
  const cases: [string, () => NodeJS.ProcessEnv, RegExp][] = [
    ['unreadable file', () => ({ CONSOLE_CONFIG: missing }), /CONSOLE_CONFIG: cannot read .*missing\.json \(ENOENT\)/],
    ['invalid JSON (never quoted)', () => ({ CONSOLE_CONFIG: file(`{\n "cos": {\n  "secretKey": "${SECRET_KEY}",\n }\n}`) }), /is not valid JSON \(line \d\)/],
    ['not an object', () => ({ CONSOLE_CONFIG: file('[1]') }), /the file in .* must be a JSON object/],
    ['unknown top-level key', () => ({ CONSOLE_CONFIG: file({ prot: 3000 }) }), /unknown key "prot" in .*c\d+\.json/],
    ['unknown nested key', () => ({ CONSOLE_CONFIG: file({ cos: { regions: ['ap-guangzhou'] } }) }), /unknown key "cos\.regions" in .*\(known here: cos\.secretId/],
    ['wrong type: string for integer', () => ({ CONSOLE_CONFIG: file({ port: '3000' }) }), /^port in .* must be an integer$/],
    ['wrong type: secret as number (value not printed)', () => ({ CONSOLE_CONFIG: file({ cos: { secretKey: 123456789 } }) }), /^cos\.secretKey in .* must be a string$/],
    ['wrong type: list', () => ({ CONSOLE_CONFIG: file({ cos: { allowedRegions: 'ap-guangzhou' } }) }), /cos\.allowedRegions in .* must be an array of strings/],
    ['wrong type: group', () => ({ CONSOLE_CONFIG: file({ tls: 'cert.pem' }) }), /^tls in .* must be a JSON object$/],
    ['wrong type: boolean', () => ({ CONSOLE_CONFIG: file({ secureCookies: 'yes' }) }), /secureCookies in .* must be true or false/],
    ['integer out of range (file)', () => ({ CONSOLE_CONFIG: file({ port: 70000 }) }), /^port in .* must be an integer between 0 and 65535$/],
    ['integer out of range (env)', () => ({ SIGN_SECONDS: '5' }), /^SIGN_SECONDS must be an integer between 30 and 7200, got "5"$/],
    ['not a number (env)', () => ({ PORT: '80a' }), /^PORT must be an integer/],
    ['boolean (env)', () => ({ SECURE_COOKIES: 'yes' }), /^SECURE_COOKIES must be 1\/true or 0\/false, got "yes"$/],
    ['one cloud key only', () => ({ COS_SECRET_ID: 'AKIDx' }), /Set both COS_SECRET_ID and COS_SECRET_KEY/],
    ['one cloud key only (file)', () => ({ CONSOLE_CONFIG: file({ cos: { secretKey: SECRET_KEY } }) }), /Set both COS_SECRET_ID and COS_SECRET_KEY/],
    ['region name', () => ({ COS_REGION: 'AP Guangzhou' }), /COS_REGION "AP Guangzhou" is not a COS region name/],
    ['allowed regions: a bad name', () => ({ COS_ALLOWED_REGIONS: 'ap-guangzhou,ap_x' }), /COS_ALLOWED_REGIONS: "ap_x" is not a COS region name/],
    ['allowed regions: empty list', () => ({ CONSOLE_CONFIG: file({ cos: { allowedRegions: [] } }) }), /cos\.allowedRegions in .* must name at least one region/],
    ['allowed regions without the default region', () => ({ COS_ALLOWED_REGIONS: 'ap-shanghai' }), /the default region ap-guangzhou \(COS_REGION\) must be one of COS_ALLOWED_REGIONS: ap-shanghai/],
    ['cloud-only setting in local mode', () => ({ COS_DOMAIN: '{Bucket}.cos.{Region}.myqcloud.com' }), /COS_DOMAIN applies to cloud mode only/],
    ['cloud-only setting in local mode (file)', () => ({ CONSOLE_CONFIG: file({ cos: { stsHost: 'sts.example.com' } }) }), /cos\.stsHost in .* applies to cloud mode only/],
    ['endpoint ip', () => ({ ...CLOUD, COS_ENDPOINT_IP: 'http://127.0.0.1' }), /COS_ENDPOINT_IP must be <host>:<port>/],
    ['STS host', () => ({ ...CLOUD, COS_STS_HOST: 'https://sts.example.com' }), /COS_STS_HOST must be host\[:port\]/],
    ['domain without {Bucket}', () => ({ ...CLOUD, COS_DOMAIN: 'cos.{Region}.myqcloud.com' }), /COS_DOMAIN "cos\.\{Region\}\.myqcloud\.com" must contain \{Bucket\}/],
    ['domain with another placeholder', () => ({ ...CLOUD, COS_DOMAIN: '{BucketName}-{AppId}.cos.{Region}.myqcloud.com' }), /uses the placeholder \{BucketName\}; only \{Bucket\} and \{Region\}/],
    ['domain with a {{…}} placeholder', () => ({ ...CLOUD, COS_DOMAIN: '{{Bucket}}.cos.myqcloud.com' }), /uses a \{\{…\}\} placeholder/],
    ['domain over http', () => ({ ...CLOUD, COS_DOMAIN: 'http://cos.example.internal/{Bucket}' }), /uses http:\/\/; cloud mode needs https/],
    ['domain with another scheme', () => ({ ...CLOUD, COS_DOMAIN: 'ftp://cos.example.internal/{Bucket}' }), /must use https:\/\//],
    ['domain too wide for the CSP', () => ({ ...CLOUD, COS_DOMAIN: '{Bucket}.com' }), /at least two fixed host labels after its last placeholder/],
    ['domain with a query', () => ({ ...CLOUD, COS_DOMAIN: 'https://cos.example.com/{Bucket}?x=1' }), /no query, fragment or user/],
    ['domain with a bad label', () => ({ ...CLOUD, COS_DOMAIN: '{Bucket}.cos_x.example.com' }), /invalid host label "cos_x"/],
    ['domain with a bad port', () => ({ ...CLOUD, COS_DOMAIN: '{Bucket}.cos.example.com:{Region}' }), /invalid port/],
    ['service domain with a placeholder', () => ({ ...CLOUD, COS_SERVICE_DOMAIN: 'cos.{Region}.myqcloud.com' }), /COS_SERVICE_DOMAIN .* must be a fixed URL or host/],
    ['http service domain', () => ({ ...CLOUD, COS_SERVICE_DOMAIN: 'http://cos.example.internal' }), /COS_SERVICE_DOMAIN .* uses http:\/\//],
    ['one TLS file only', () => ({ TLS_CERT_FILE: cert.certFile }), /Set both TLS_CERT_FILE and TLS_KEY_FILE/],
    ['unreadable TLS file', () => ({ TLS_CERT_FILE: cert.certFile, TLS_KEY_FILE: join(dir, 'nope.pem') }), /^TLS_KEY_FILE: cannot read .*nope\.pem \(ENOENT\)$/],
    ['TLS files that do not parse', () => ({ TLS_CERT_FILE: file('not a pem', 'bad.pem'), TLS_KEY_FILE: cert.keyFile }), /TLS_CERT_FILE \(.*bad\.pem\) and TLS_KEY_FILE .* are not a usable certificate and private key/],
    ['a key of another certificate', () => ({ TLS_CERT_FILE: cert.certFile, TLS_KEY_FILE: other.keyFile }), /not a usable certificate and private key: .*mismatch/],
    ['trust proxy: a bad address', () => ({ TRUST_PROXY: '10.0.0.1,proxy.local' }), /TRUST_PROXY: "proxy\.local" is not an IP address or CIDR/],
    ['trust proxy: a bad CIDR', () => ({ CONSOLE_CONFIG: file({ trustProxy: ['10.0.0.0/33'] }) }), /trustProxy in .*: "10\.0\.0\.0\/33" is not an IP address or CIDR: prefix length 33 is longer than 32 bits \(IPv4\)/],
    ['trust proxy: hop count out of range', () => ({ CONSOLE_CONFIG: file({ trustProxy: -1 }) }), /trustProxy in .* must be a hop count/],
    ['console secret', () => ({ CONSOLE_SECRET: 'c2hvcnQ=' }), /CONSOLE_SECRET must be the base64 of 32 random bytes/],
  ];

  it.each(cases)('%s', (_case, env, message) => {
    const text = errorOf(env());
    expect(text).toMatch(message);
    expect(text).not.toContain(SECRET_KEY);
    expect(text).not.toContain(other.key.slice(40, 80));
  });
});

describe('settings that parse', () => {
  it.each([
    ['true', true], ['false', false], ['0', false], ['2', 2], ['10.0.0.1, 192.168.0.0/16', ['10.0.0.1', '192.168.0.0/16']], ['::1', ['::1']],
  ] as const)('TRUST_PROXY=%s', (raw, expected) => {
    expect(loadConfig({ TRUST_PROXY: raw }).trustProxy).toEqual(expected);
  });

  it('accepts http domains when COS_ALLOW_HTTP is set, and the usual templates', () => {
    expect(loadConfig({ ...CLOUD, COS_ALLOW_HTTP: '1', COS_DOMAIN: 'http://cos.example.internal:8080/{Bucket}' }).cloud?.domain).toBe('http://cos.example.internal:8080/{Bucket}');
    for (const domain of ['{Bucket}.cos.{Region}.myqcloud.com', '{Bucket}.cos-internal.{Region}.tencentcos.cn', 'https://cos.example.internal/{Bucket}', 'https://{Bucket}.files.example.com/data']) {
      expect(loadConfig({ ...CLOUD, COS_DOMAIN: domain }).cloud?.domain).toBe(domain);
    }
  });

  it('lets SECURE_COOKIES=0 turn Secure off even with TLS, and on without it (behind a proxy)', () => {
    expect(loadConfig({ TLS_CERT_FILE: cert.certFile, TLS_KEY_FILE: cert.keyFile, SECURE_COOKIES: '0' }).secureCookies).toBe(false);
    expect(loadConfig({ SECURE_COOKIES: 'true' }).secureCookies).toBe(true);
  });
});

describe('cloudTarget', () => {
  it('gives the browser and the server SDK the same templates, and the allowed regions', () => {
    const target = cloudTarget(loadConfig({
      ...CLOUD, COS_REGION: 'ap-shanghai', COS_ALLOWED_REGIONS: 'ap-shanghai', COS_DOMAIN: '{Bucket}.cos-internal.{Region}.tencentcos.cn', COS_SERVICE_DOMAIN: 'service.cos.tencentcos.cn',
    }));
    expect(target).toMatchObject({
      mode: 'cloud', protocol: 'https:', defaultRegion: 'ap-shanghai', allowedRegions: ['ap-shanghai'],
      browserDomain: '{Bucket}.cos-internal.{Region}.tencentcos.cn', serverDomain: '{Bucket}.cos-internal.{Region}.tencentcos.cn',
      browserServiceDomain: 'service.cos.tencentcos.cn', serverServiceDomain: 'service.cos.tencentcos.cn', stsEndpoint: 'sts.tencentcloudapi.com',
    });
    const plain = cloudTarget(loadConfig(CLOUD));
    expect(plain.browserDomain).toBe('');
    expect(plain.serverDomain).toBeUndefined();
    expect(plain.allowedRegions).toBeUndefined();
  });
});
