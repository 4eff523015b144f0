// Test harness: cos-local on a free port (memory store) driven by the official cos-nodejs-sdk-v5.
// `Ip` keeps the production Host (`<bucket>.cos.<region>.myqcloud.com`), so signatures are exactly
// those real COS verifies (cos-protocol.md §3).
import COS from 'cos-nodejs-sdk-v5';
import { defaultAccounts } from './accounts';
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
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const server = await startCosLocal({
    memory: true, port: 0, accounts: defaultAccounts(SECRET_ID, SECRET_KEY), ids: sequentialIds(), log: () => undefined,
  });
  const client = (options: Partial<COS.COSOptions>): COS =>
    new COS({ SecretId: SECRET_ID, SecretKey: SECRET_KEY, Protocol: 'http:', Ip: `127.0.0.1:${server.port}`, ...options });
  return { server, cos: client({}), client, close: () => server.close() };
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
