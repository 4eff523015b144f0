// The console server's configuration, read and validated once at start (docs/architecture.md "Rules
// the code keeps"; every setting: README "Configuration"): from the
// environment, and from a JSON file named by CONSOLE_CONFIG (config-file.ts) whose keys mirror the
// variables. A variable that is set (non-empty) wins over the file. Every value is checked here, and an
// error names the variable or the file key — never the value of a secret. README "Configuration"
// documents every setting.
import { resolve } from 'node:path';
import { parseConsoleSecret } from './auth/credential-box';
import { checkDomainTemplate } from './config-domain';
import { ConfigError } from './config-error';
import { readConfigFile, type ConfigFile, type FileValue } from './config-file';
import { parseTrustProxy, type TrustProxy } from './config-proxy';
import { loadTlsFiles, type TlsFiles } from './config-tls';

export { ConfigError } from './config-error';
export type { TrustProxy } from './config-proxy';
export type { TlsFiles } from './config-tls';

/**
 * Default lifetimes of what the server hands out (docs/security.md "Revocation"): COS cannot revoke a
 * signature or a temporary key before it expires, so they are kept short — a disabled account's
 * signatures stop working within 5 minutes and its temporary keys within 15.
 */
export const DEFAULT_SIGN_SECONDS = 300;
export const DEFAULT_STS_SECONDS = 900;

export interface CosTarget {
  mode: 'local' | 'cloud';
  secretId: string;
  secretKey: string;
  /** Local mode: `127.0.0.1:<port>` — the Node SDK's `Ip` option keeps production Host headers. */
  ip?: string;
  /** cos-js-sdk-v5 `Domain` template the browser uses ('' = the SDK's default COS hosts). */
  browserDomain: string;
  /** cos-js-sdk-v5 `ServiceDomain` for the browser, if any. */
  browserServiceDomain?: string;
  /**
   * cos-nodejs-sdk-v5 `Domain`/`ServiceDomain` for the server's own COS calls (cloud mode: the same
   * COS_DOMAIN/COS_SERVICE_DOMAIN the browser gets). Unset: the SDK's default hosts (or `ip`).
   */
  serverDomain?: string;
  serverServiceDomain?: string;
  protocol: 'http:' | 'https:';
  defaultRegion: string;
  /** COS_ALLOWED_REGIONS: the only regions this console works in (region-policy.ts); unset = all. */
  allowedRegions?: readonly string[];
  /**
   * Where temporary keys come from (GetFederationToken, tencentcloud 436/14048). Local mode: cos-local's
   * plain port, `http://127.0.0.1:<port>/`; cloud mode: the host qcloud-cos-sts calls over HTTPS
   * (default `sts.tencentcloudapi.com`, `COS_STS_HOST` to point it elsewhere, e.g. at cos-local's HTTPS port).
   */
  stsEndpoint?: string;
}

export interface ServerConfig {
  /** CONSOLE_CONFIG, when a file was read. */
  configFile?: string;
  port: number;
  host: string;
  dataDir: string;
  cosLocalPort: number;
  /** COS_LOCAL_ACCOUNTS: cos-local's accounts file (local mode). */
  cosLocalAccounts?: string;
  /** COS_REGION: the default region (bucket creation, the console's suggestions). */
  region: string;
  /** COS_ALLOWED_REGIONS; undefined = every region. Contains `region`. */
  allowedRegions?: readonly string[];
  /** Cloud mode when both keys are set. */
  cloud?: {
    secretId: string; secretKey: string; stsHost: string;
    /** COS_DOMAIN / COS_SERVICE_DOMAIN (config-domain.ts); unset = the SDKs' default COS hosts. */
    domain?: string;
    serviceDomain?: string;
    /**
     * `COS_ENDPOINT_IP` (test only, `<ip>:<port>`): the Node SDK's `Ip` option — server-side COS calls
     * go to this address while keeping production Host headers and signatures. The cloud-mode e2e
     * (e2e/cloud-stack.ts) points it at cos-local's HTTPS port. Unset in production.
     */
    endpointIp?: string;
  };
  /** TLS_CERT_FILE + TLS_KEY_FILE: the console serves HTTPS itself. */
  tls?: TlsFiles;
  /** TRUST_PROXY (config-proxy.ts). */
  trustProxy: TrustProxy;
  adminPassword?: string;
  /** Console session lifetime limits, in seconds. */
  sessionIdleSeconds: number;
  sessionAbsoluteSeconds: number;
  /** Lifetime of an Authorization returned by /api/sign, in seconds (default DEFAULT_SIGN_SECONDS). */
  signSeconds: number;
  /** Lifetime of temporary keys from /api/sts and of the keys signatures are made with (default DEFAULT_STS_SECONDS). */
  stsSeconds: number;
  /**
   * `Secure` cookies (and HSTS): on by default with TLS; behind a TLS-terminating proxy set
   * SECURE_COOKIES=1, since the console itself then only sees plain HTTP.
   */
  secureCookies: boolean;
  /**
   * `CONSOLE_SECRET` (base64 of 32 bytes): the key that encrypts API-key sessions' COS credentials at
   * rest. Unset: `DATA_DIR/console-secret.key`, generated once (src/server/auth/credential-box.ts).
   */
  consoleSecret?: Buffer;
  /** LOG_REQUESTS: one log line per request (never bodies, cookies or keys). */
  logRequests: boolean;
}

/** Each variable and the file key that mirrors it (README "Configuration"). */
const SETTINGS = {
  PORT: 'port',
  HOST: 'host',
  DATA_DIR: 'dataDir',
  COS_LOCAL_PORT: 'cosLocal.port',
  COS_LOCAL_ACCOUNTS: 'cosLocal.accountsFile',
  CONSOLE_ADMIN_PASSWORD: 'adminPassword',
  CONSOLE_SECRET: 'consoleSecret',
  COS_SECRET_ID: 'cos.secretId',
  COS_SECRET_KEY: 'cos.secretKey',
  COS_REGION: 'cos.region',
  COS_ALLOWED_REGIONS: 'cos.allowedRegions',
  COS_DOMAIN: 'cos.domain',
  COS_SERVICE_DOMAIN: 'cos.serviceDomain',
  COS_ALLOW_HTTP: 'cos.allowHttp',
  COS_STS_HOST: 'cos.stsHost',
  COS_ENDPOINT_IP: 'cos.endpointIp',
  TLS_CERT_FILE: 'tls.certFile',
  TLS_KEY_FILE: 'tls.keyFile',
  TRUST_PROXY: 'trustProxy',
  SECURE_COOKIES: 'secureCookies',
  SESSION_IDLE_SECONDS: 'session.idleSeconds',
  SESSION_ABSOLUTE_SECONDS: 'session.absoluteSeconds',
  SIGN_SECONDS: 'signSeconds',
  STS_SECONDS: 'stsSeconds',
  LOG_REQUESTS: 'logRequests',
} as const;
export type SettingName = keyof typeof SETTINGS;
export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];

/** Settings that apply to cloud mode only: set in local mode they are a mistake worth stopping for. */
const CLOUD_ONLY: readonly SettingName[] = ['COS_DOMAIN', 'COS_SERVICE_DOMAIN', 'COS_ALLOW_HTTP', 'COS_STS_HOST', 'COS_ENDPOINT_IP'];

const REGION = /^[a-z0-9-]+$/;

interface Raw {
  value: FileValue;
  /** `COS_REGION`, or `cos.region in /etc/cos-console.json`: what an error message names. */
  where: string;
}

/** Reads one setting: the variable when set (non-empty), else the file's key. */
class Settings {
  constructor(private readonly env: NodeJS.ProcessEnv, private readonly file: ConfigFile | undefined) {}

  raw(name: SettingName): Raw | undefined {
    const fromEnv = this.env[name];
    if (fromEnv !== undefined && fromEnv !== '') return { value: fromEnv, where: name };
    const key = SETTINGS[name];
    const fromFile = this.file?.values.get(key);
    return fromFile === undefined ? undefined : { value: fromFile, where: `${key} in ${this.file?.path ?? ''}` };
  }

  where(name: SettingName): string {
    return this.raw(name)?.where ?? name;
  }

  string(name: SettingName): string | undefined {
    const r = this.raw(name);
    if (r === undefined) return undefined;
    if (typeof r.value !== 'string') throw new ConfigError(`${r.where} must be a string`);
    return r.value;
  }

  int(name: SettingName, fallback: number, min: number, max: number): number {
    const r = this.raw(name);
    if (r === undefined) return fallback;
    const n = typeof r.value === 'string' && /^-?\d+$/.test(r.value.trim()) ? Number(r.value) : r.value;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
      throw new ConfigError(`${r.where} must be an integer between ${min} and ${max}${typeof r.value === 'string' ? `, got "${r.value}"` : ''}`);
    }
    return n;
  }

  bool(name: SettingName): boolean | undefined {
    const r = this.raw(name);
    if (r === undefined) return undefined;
    if (typeof r.value === 'boolean') return r.value;
    if (r.value === '1' || r.value === 'true') return true;
    if (r.value === '0' || r.value === 'false') return false;
    throw new ConfigError(`${r.where} must be 1/true or 0/false${typeof r.value === 'string' ? `, got "${r.value}"` : ''}`);
  }

  list(name: SettingName): readonly string[] | undefined {
    const r = this.raw(name);
    if (r === undefined) return undefined;
    if (typeof r.value === 'string') return r.value.split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (Array.isArray(r.value)) return (r.value as readonly string[]).map((s) => s.trim());
    throw new ConfigError(`${r.where} must be a list`);
  }
}

function consoleSecretOf(s: Settings): Buffer | undefined {
  const raw = s.string('CONSOLE_SECRET');
  if (raw === undefined) return undefined;
  const key = parseConsoleSecret(raw);
  if (!key) throw new ConfigError(`${s.where('CONSOLE_SECRET')} must be the base64 of 32 random bytes (e.g. \`openssl rand -base64 32\`).`);
  return key;
}

function regionsOf(s: Settings, region: string): readonly string[] | undefined {
  const list = s.list('COS_ALLOWED_REGIONS');
  if (list === undefined) return undefined;
  const where = s.where('COS_ALLOWED_REGIONS');
  if (list.length === 0) throw new ConfigError(`${where} must name at least one region (leave it unset to allow every region)`);
  const bad = list.find((r) => !REGION.test(r));
  if (bad !== undefined) throw new ConfigError(`${where}: "${bad}" is not a COS region name`);
  const regions = [...new Set(list)];
  if (!regions.includes(region)) {
    throw new ConfigError(`the default region ${region} (${s.where('COS_REGION')}) must be one of ${where}: ${regions.join(', ')}`);
  }
  return regions;
}

function cloudOf(s: Settings): ServerConfig['cloud'] {
  const secretId = s.string('COS_SECRET_ID') ?? '';
  const secretKey = s.string('COS_SECRET_KEY') ?? '';
  if ((secretId === '') !== (secretKey === '')) throw new ConfigError('Set both COS_SECRET_ID and COS_SECRET_KEY (cos.secretId, cos.secretKey) for cloud mode, or neither for local mode.');
  if (secretId === '') {
    const stray = CLOUD_ONLY.find((name) => s.raw(name) !== undefined);
    if (stray !== undefined) throw new ConfigError(`${s.where(stray)} applies to cloud mode only (set COS_SECRET_ID and COS_SECRET_KEY), not to local mode`);
    return undefined;
  }
  const endpointIp = s.string('COS_ENDPOINT_IP');
  if (endpointIp !== undefined && !/^[A-Za-z0-9.-]+:\d{1,5}$/.test(endpointIp)) throw new ConfigError(`${s.where('COS_ENDPOINT_IP')} must be <host>:<port>, got "${endpointIp}"`);
  const stsHost = s.string('COS_STS_HOST') ?? 'sts.tencentcloudapi.com';
  if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(stsHost)) throw new ConfigError(`${s.where('COS_STS_HOST')} must be host[:port] (always HTTPS), got "${stsHost}"`);
  const allowHttp = s.bool('COS_ALLOW_HTTP') ?? false;
  const domain = s.string('COS_DOMAIN');
  if (domain !== undefined) checkDomainTemplate(s.where('COS_DOMAIN'), domain, { placeholders: true, allowHttp });
  const serviceDomain = s.string('COS_SERVICE_DOMAIN');
  if (serviceDomain !== undefined) checkDomainTemplate(s.where('COS_SERVICE_DOMAIN'), serviceDomain, { placeholders: false, allowHttp });
  return {
    secretId, secretKey, stsHost,
    ...(domain !== undefined ? { domain } : {}),
    ...(serviceDomain !== undefined ? { serviceDomain } : {}),
    ...(endpointIp !== undefined ? { endpointIp } : {}),
  };
}

function tlsOf(s: Settings): TlsFiles | undefined {
  const certFile = s.string('TLS_CERT_FILE');
  const keyFile = s.string('TLS_KEY_FILE');
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (certFile === undefined || keyFile === undefined) throw new ConfigError('Set both TLS_CERT_FILE and TLS_KEY_FILE (tls.certFile, tls.keyFile) to serve HTTPS, or neither.');
  // From the environment a relative path is relative to the working directory, as every path variable.
  return loadTlsFiles(resolve(certFile), resolve(keyFile), { cert: s.where('TLS_CERT_FILE'), key: s.where('TLS_KEY_FILE') });
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const configFile = env['CONSOLE_CONFIG'] || undefined;
  const s = new Settings(env, configFile === undefined ? undefined : readConfigFile(configFile));
  const cloud = cloudOf(s);
  const region = s.string('COS_REGION') ?? 'ap-guangzhou';
  if (!REGION.test(region)) throw new ConfigError(`${s.where('COS_REGION')} "${region}" is not a COS region name`);
  const allowedRegions = regionsOf(s, region);
  const tls = tlsOf(s);
  const trust = s.raw('TRUST_PROXY');
  const accounts = s.string('COS_LOCAL_ACCOUNTS');
  return {
    ...(configFile !== undefined ? { configFile } : {}),
    port: s.int('PORT', 3000, 0, 65535),
    host: s.string('HOST') ?? '127.0.0.1',
    dataDir: resolve(s.string('DATA_DIR') ?? './data'),
    cosLocalPort: s.int('COS_LOCAL_PORT', 9000, 0, 65535),
    ...(accounts !== undefined ? { cosLocalAccounts: resolve(accounts) } : {}),
    region,
    ...(allowedRegions ? { allowedRegions } : {}),
    cloud,
    ...(tls ? { tls } : {}),
    trustProxy: parseTrustProxy(trust?.where ?? 'TRUST_PROXY', trust?.value),
    adminPassword: s.string('CONSOLE_ADMIN_PASSWORD'),
    sessionIdleSeconds: s.int('SESSION_IDLE_SECONDS', 30 * 60, 60, 7 * 86400),
    sessionAbsoluteSeconds: s.int('SESSION_ABSOLUTE_SECONDS', 12 * 3600, 60, 30 * 86400),
    signSeconds: s.int('SIGN_SECONDS', DEFAULT_SIGN_SECONDS, 30, 7200),
    // At most 7200 s for a root account's key, 129600 s for a sub-account's (tencentcloud 436/14048).
    stsSeconds: s.int('STS_SECONDS', DEFAULT_STS_SECONDS, 60, 129_600),
    secureCookies: s.bool('SECURE_COOKIES') ?? tls !== undefined,
    consoleSecret: consoleSecretOf(s),
    logRequests: s.bool('LOG_REQUESTS') ?? false,
  };
}

/**
 * Where cloud mode's COS is, for buildApp: the browser and the server's Node SDK use the same Domain
 * template, so a private or internal endpoint is used by both (an unset template = the SDKs' defaults).
 */
export function cloudTarget(config: ServerConfig): CosTarget {
  const cloud = config.cloud;
  if (!cloud) throw new Error('cloudTarget needs a cloud-mode configuration');
  return {
    mode: 'cloud', secretId: cloud.secretId, secretKey: cloud.secretKey,
    browserDomain: cloud.domain ?? '',
    ...(cloud.serviceDomain !== undefined ? { browserServiceDomain: cloud.serviceDomain, serverServiceDomain: cloud.serviceDomain } : {}),
    ...(cloud.domain !== undefined ? { serverDomain: cloud.domain } : {}),
    protocol: 'https:', defaultRegion: config.region, stsEndpoint: cloud.stsHost,
    ...(config.allowedRegions ? { allowedRegions: config.allowedRegions } : {}),
    // Test only (COS_ENDPOINT_IP): the Node SDK reaches this address with production Host headers.
    ...(cloud.endpointIp !== undefined ? { ip: cloud.endpointIp } : {}),
  };
}
