// Test harness: cos-local on a free port (memory store) driven by the official cos-nodejs-sdk-v5.
// `Ip` keeps the production Host (`<bucket>.cos.<region>.myqcloud.com`), so signatures are exactly
// those real COS verifies (cos-nodejs-sdk-v5 3.0.0 sdk/base.js: `Ip` replaces the URL host, not Host).
import { createRequire, Module } from 'node:module';
import COS from 'cos-nodejs-sdk-v5';
import { defaultAccounts, type AccountsFile } from './accounts';
import { startCosLocal, type RunningCosLocal } from './app';
import { sequentialIds } from './ids';

export const SECRET_ID = 'AKIDcoslocaltest0000000000000000000';
export const SECRET_KEY = 'coslocaltestsecretkey00000000000';
export const APPID = '1250000000';
export const REGION = 'ap-guangzhou';

export interface Harness {
  server: RunningCosLocal;
  /** Virtual-hosted through `Ip`, as production. */
  cos: COS;
  /** Another client with options on top of the defaults. */
  client(options: Partial<COS.COSOptions>): COS;
  /** A client signing with another key of the accounts file (a sub-user, another root account). */
  clientAs(key: { secretId: string; secretKey: string }, options?: Partial<COS.COSOptions>): COS;
  close(): Promise<void>;
}

const key = (name: string): { secretId: string; secretKey: string } => ({
  secretId: `AKID${name}`.padEnd(36, '0'),
  secretKey: `${name}secretkey`.padEnd(32, '0'),
});

/** Keys of the second root account and of the sub-users in `multiAccounts()`. */
export const KEYS = { alice: key('alice'), bob: key('bob'), rootB: key('rootb'), b0: key('bzero') } as const;
export const PHOTOS = `photos-${APPID}`;

/**
 * Two root accounts and sub-users (docs/cos-behaviour.md "Accounts"): A (the default key, UIN
 * 100000000001, APPID 1250000000) with alice (Get/PutObject on photos-…/alice/*) and bob
 * (GetService, PutBucket); B (UIN 100000000002, APPID 1250000001) with b0 (everything on A's photos
 * bucket, so it can use what A grants B).
 */
export function multiAccounts(): AccountsFile {
  const photos = `qcs::cos:${REGION}:uid/${APPID}:${PHOTOS}`;
  const allow = (action: string[], resource: string[]) => [{ version: '2.0', statement: [{ effect: 'allow', action, resource }] }];
  return {
    accounts: [
      {
        uin: '100000000001', appId: APPID, secretId: SECRET_ID, secretKey: SECRET_KEY,
        subUsers: [
          // alice may also get temporary keys (CAM: name/sts:GetFederationToken; src/cos-local/sts/cam-permission.ts); bob may not.
          {
            uin: '100000000011', name: 'alice', ...KEYS.alice,
            policies: [...allow(['name/cos:GetObject', 'name/cos:PutObject'], [`${photos}/alice/*`]), ...allow(['name/sts:GetFederationToken'], ['*'])],
          },
          { uin: '100000000012', name: 'bob', ...KEYS.bob, policies: allow(['name/cos:GetService', 'name/cos:PutBucket'], ['*']) },
        ],
      },
      {
        uin: '100000000002', appId: '1250000001', ...KEYS.rootB,
        subUsers: [{ uin: '100000000020', name: 'b0', ...KEYS.b0, policies: allow(['cos:*'], [`qcs::cos::uid/${APPID}:${PHOTOS}/*`]) }],
      },
    ],
  };
}

export interface HarnessOptions {
  /** Replaces the default single account (whose key the default client signs with). */
  accounts?: AccountsFile;
  /** Also serve HTTPS (0: a free port); see RunningCosLocal.httpsUrl / certificatePath. */
  httpsPort?: number;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const server = await startCosLocal({
    memory: true, port: 0, accounts: options.accounts ?? defaultAccounts(SECRET_ID, SECRET_KEY), ids: sequentialIds(), log: () => undefined,
    ...(options.httpsPort !== undefined ? { httpsPort: options.httpsPort } : {}),
  });
  const client = (opts: Partial<COS.COSOptions>): COS =>
    new COS({ SecretId: SECRET_ID, SecretKey: SECRET_KEY, Protocol: 'http:', Ip: `127.0.0.1:${server.port}`, ...opts });
  const clientAs = (key: { secretId: string; secretKey: string }, opts: Partial<COS.COSOptions> = {}): COS =>
    client({ SecretId: key.secretId, SecretKey: key.secretKey, ...opts });
  return { server, cos: client({}), client, clientAs, close: () => server.close() };
}

export interface Failure {
  code: string;
  statusCode: number;
  message: string;
  requestId: string | undefined;
  headers: Record<string, string>;
}

/** The error a call fails with (throws if it succeeds). */
export async function failure(call: Promise<unknown>): Promise<Failure> {
  try {
    await call;
  } catch (e) {
    const err = e as { code?: string; statusCode?: number; message?: string; error?: { RequestId?: string }; headers?: Record<string, string> };
    return { code: err.code ?? '', statusCode: err.statusCode ?? 0, message: err.message ?? '', requestId: err.error?.RequestId, headers: err.headers ?? {} };
  }
  throw new Error('expected the call to fail');
}

/**
 * cos-nodejs-sdk-v5's sliceUploadFile remembers UploadIds (sdk/session.js) in a JSON file written
 * through sdk/conf-lite.js, 400 ms later, under `ConfCwd` (default: ~/.config). Tests call this
 * before their first sliceUploadFile: the SDK then keeps that cache in memory, so nothing is written
 * outside the test and its resume logic still runs unchanged.
 */
export function keepSdkUploadCacheInMemory(): void {
  const require = createRequire(import.meta.url);
  const path = require.resolve('cos-nodejs-sdk-v5/sdk/conf-lite.js');
  class MemoryConf {
    private readonly data = new Map<string, unknown>();
    get(key: string): unknown {
      return this.data.get(key);
    }
    set(key: string, value: unknown): void {
      this.data.set(key, value);
    }
    delete(key: string): void {
      this.data.delete(key);
    }
  }
  const mod = new Module(path);
  mod.filename = path;
  mod.loaded = true;
  mod.exports = MemoryConf;
  require.cache[path] = mod;
}
