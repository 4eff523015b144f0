// The console server's configuration, read and validated once from the environment (DESIGN.md §4).
import { resolve } from 'node:path';
import { parseConsoleSecret } from './auth/credential-box';

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
  protocol: 'http:' | 'https:';
  defaultRegion: string;
  /**
   * Where temporary keys come from (GetFederationToken, seed-digest §2.1). Local mode: cos-local's
   * plain port, `http://127.0.0.1:<port>/`; cloud mode: the host qcloud-cos-sts calls over HTTPS
   * (default `sts.tencentcloudapi.com`, `COS_STS_HOST` to point it elsewhere, e.g. at cos-local's HTTPS port).
   */
  stsEndpoint?: string;
}

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  cosLocalPort: number;
  /** Cloud mode when both are set. */
  cloud?: {
    secretId: string; secretKey: string; region: string; stsHost: string;
    /**
     * `COS_ENDPOINT_IP` (test only, `<ip>:<port>`): the Node SDK's `Ip` option — server-side COS calls
     * go to this address while keeping production Host headers and signatures. The cloud-mode e2e
     * (e2e/cloud-stack.ts) points it at cos-local's HTTPS port. Unset in production.
     */
    endpointIp?: string;
  };
  adminPassword?: string;
  /** Console session lifetime limits, in seconds. */
  sessionIdleSeconds: number;
  sessionAbsoluteSeconds: number;
  /** Lifetime of an Authorization returned by /api/sign, in seconds. */
  signSeconds: number;
  /** Lifetime of temporary keys from /api/sts (`STS_SECONDS`, seed-digest §2.1: default 1800). */
  stsSeconds: number;
  /** `Secure` cookies: set when the console is served over HTTPS (directly or behind a proxy). */
  secureCookies: boolean;
  /**
   * `CONSOLE_SECRET` (base64 of 32 bytes): the key that encrypts API-key sessions' COS credentials at
   * rest. Unset: `DATA_DIR/console-secret.key`, generated once (src/server/auth/credential-box.ts).
   */
  consoleSecret?: Buffer;
}

export class ConfigError extends Error {}

function intVar(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  return n;
}

function consoleSecretVar(env: NodeJS.ProcessEnv): Buffer | undefined {
  const raw = env['CONSOLE_SECRET'];
  if (raw === undefined || raw === '') return undefined;
  const key = parseConsoleSecret(raw);
  if (!key) throw new ConfigError('CONSOLE_SECRET must be the base64 of 32 random bytes (e.g. `openssl rand -base64 32`).');
  return key;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const secretId = env['COS_SECRET_ID'] ?? '';
  const secretKey = env['COS_SECRET_KEY'] ?? '';
  if ((secretId === '') !== (secretKey === '')) throw new ConfigError('Set both COS_SECRET_ID and COS_SECRET_KEY for cloud mode, or neither for local mode.');
  const region = env['COS_REGION'] ?? 'ap-guangzhou';
  const endpointIp = env['COS_ENDPOINT_IP'] || undefined;
  if (endpointIp !== undefined && !/^[A-Za-z0-9.-]+:\d{1,5}$/.test(endpointIp)) throw new ConfigError(`COS_ENDPOINT_IP must be <host>:<port>, got "${endpointIp}"`);
  if (!/^[a-z0-9-]+$/.test(region)) throw new ConfigError(`COS_REGION "${region}" is not a COS region name`);
  return {
    port: intVar(env, 'PORT', 3000, 0, 65535),
    host: env['HOST'] || '127.0.0.1',
    dataDir: resolve(env['DATA_DIR'] || './data'),
    cosLocalPort: intVar(env, 'COS_LOCAL_PORT', 9000, 0, 65535),
    cloud: secretId
      ? { secretId, secretKey, region, stsHost: env['COS_STS_HOST'] || 'sts.tencentcloudapi.com', ...(endpointIp ? { endpointIp } : {}) }
      : undefined,
    adminPassword: env['CONSOLE_ADMIN_PASSWORD'] || undefined,
    sessionIdleSeconds: intVar(env, 'SESSION_IDLE_SECONDS', 30 * 60, 60, 7 * 86400),
    sessionAbsoluteSeconds: intVar(env, 'SESSION_ABSOLUTE_SECONDS', 12 * 3600, 60, 30 * 86400),
    signSeconds: intVar(env, 'SIGN_SECONDS', 900, 30, 7200),
    // At most 7200 s for a root account's key, 129600 s for a sub-account's [seed 002 L214].
    stsSeconds: intVar(env, 'STS_SECONDS', 1800, 60, 129_600),
    secureCookies: env['SECURE_COOKIES'] === '1' || env['SECURE_COOKIES'] === 'true',
    consoleSecret: consoleSecretVar(env),
  };
}
