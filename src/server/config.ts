// The console server's configuration, read and validated once from the environment (DESIGN.md §4).
import { resolve } from 'node:path';

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
}

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  cosLocalPort: number;
  /** Cloud mode when both are set. */
  cloud?: { secretId: string; secretKey: string; region: string };
  adminPassword?: string;
  /** Console session lifetime limits, in seconds. */
  sessionIdleSeconds: number;
  sessionAbsoluteSeconds: number;
  /** Lifetime of an Authorization returned by /api/sign, in seconds. */
  signSeconds: number;
  /** `Secure` cookies: set when the console is served over HTTPS (directly or behind a proxy). */
  secureCookies: boolean;
}

export class ConfigError extends Error {}

function intVar(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const secretId = env['COS_SECRET_ID'] ?? '';
  const secretKey = env['COS_SECRET_KEY'] ?? '';
  if ((secretId === '') !== (secretKey === '')) throw new ConfigError('Set both COS_SECRET_ID and COS_SECRET_KEY for cloud mode, or neither for local mode.');
  const region = env['COS_REGION'] ?? 'ap-guangzhou';
  if (!/^[a-z0-9-]+$/.test(region)) throw new ConfigError(`COS_REGION "${region}" is not a COS region name`);
  return {
    port: intVar(env, 'PORT', 3000, 0, 65535),
    host: env['HOST'] || '127.0.0.1',
    dataDir: resolve(env['DATA_DIR'] || './data'),
    cosLocalPort: intVar(env, 'COS_LOCAL_PORT', 9000, 0, 65535),
    cloud: secretId ? { secretId, secretKey, region } : undefined,
    adminPassword: env['CONSOLE_ADMIN_PASSWORD'] || undefined,
    sessionIdleSeconds: intVar(env, 'SESSION_IDLE_SECONDS', 30 * 60, 60, 7 * 86400),
    sessionAbsoluteSeconds: intVar(env, 'SESSION_ABSOLUTE_SECONDS', 12 * 3600, 60, 30 * 86400),
    signSeconds: intVar(env, 'SIGN_SECONDS', 900, 30, 7200),
    secureCookies: env['SECURE_COOKIES'] === '1' || env['SECURE_COOKIES'] === 'true',
  };
}
