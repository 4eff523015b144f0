// cos-local as a library: `createCosLocal` gives a node:http request listener over a store and accounts
// (tests inject clock and ids); `startCosLocal` opens the store and listens — on HTTP, and with
// `httpsPort` also on HTTPS with the same handler (docs/cos-behaviour.md "Addressing and endpoints": it
// serves everything the plain port serves; there `req.socket` is a TLSSocket), using the self-signed
// certificate of tls/. plain node:http accepts absolute-form targets, which the SDKs' Proxy option
// sends.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { answerClientError, answerConnect, MAX_HEADER_BYTES } from './client-error';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccountsFile } from './accounts';
import type { Clock, IdGenerator } from './context';
import { createHandler, type Logger } from './handler';
import { sendError } from './reply';
import { CosError } from '../shared/errors/cos-error';
import { randomIds, systemClock } from './ids';
import { AccountRegistry } from './principal';
import { openStore } from './store/open-store';
import type { Store } from './store/types';
import { ensureCertificate, type TlsMaterial } from './tls/certificate';
import { DEFAULT_LIFECYCLE_INTERVAL_MS, scheduleLifecycle } from './lifecycle/schedule';
import type { LifecycleReport } from './lifecycle/run';
import { replicationProgress } from './replication/progress';
import { Replicator } from './replication/replicator';
import type { ReplicationRuleProgress } from '../shared/xml/replication';

export const DEFAULT_REGION = 'ap-guangzhou';

export interface CosLocalOptions {
  store: Store;
  accounts: AccountsFile;
  clock?: Clock;
  ids?: IdGenerator;
  /** Region of buckets created path-style (no region in the host). Default ap-guangzhou. */
  defaultRegion?: string;
  /** Where internal errors are reported. Default: stderr. */
  log?: Logger;
  /** How often bucket lifecycle rules are applied (lifecycle/schedule.ts); 0: only through runLifecycle. Default 60 s. */
  lifecycleIntervalMs?: number;
  /** Run the asynchronous replicator (replication/replicator.ts). Default true; false leaves copies queued. */
  replicate?: boolean;
}

/** Background work: bucket lifecycle rules and replication. */
export interface CosLocalBackground {
  /** Applies lifecycle rules now, as of the server's clock or `clock` (tests set it days ahead). */
  runLifecycle(clock?: Clock): Promise<LifecycleReport>;
  /** Per-rule replication counters of a source bucket (also `GET /?replication&progress`). */
  replicationProgress(bucket: string): ReplicationRuleProgress[];
  /** Resolves once the replicator has nothing queued left that it can work on now. */
  replicationIdle(): Promise<void>;
}

export interface CosLocal extends CosLocalBackground {
  /** A node:http request listener. */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** Stops the background work, then closes the store. */
  close(): Promise<void>;
}

const stderrLog: Logger = (message, error) => console.error(message, error ?? '');

export function createCosLocal(options: CosLocalOptions): CosLocal {
  const log = options.log ?? stderrLog;
  const services = {
    store: options.store,
    accounts: new AccountRegistry(options.accounts),
    clock: options.clock ?? systemClock,
    defaultRegion: options.defaultRegion ?? DEFAULT_REGION,
  };
  const ids = options.ids ?? randomIds;
  const handle = createHandler(services, ids, log);
  const lifecycle = scheduleLifecycle(options.store, services.clock, log, options.lifecycleIntervalMs ?? DEFAULT_LIFECYCLE_INTERVAL_MS);
  const replicator = new Replicator({ ...services, log });
  if (options.replicate !== false) replicator.start();
  return {
    runLifecycle: (clock) => lifecycle.run(clock),
    replicationProgress: (bucket) => replicationProgress(options.store.meta, bucket),
    replicationIdle: () => replicator.idle(),
    handler: (req, res) => {
      // An Upgrade request nobody takes (cos-local speaks plain HTTP) leaves Node's parser of that
      // connection in upgrade mode: a later request on it that fails to parse is never answered
      // and the connection hangs. So that connection ends with this response.
      if (req.headers.upgrade !== undefined) res.setHeader('Connection', 'close');
      handle(req, res).catch((e: unknown) => {
        // The handler's own error answer failed (writeHead refusing a header value, say). While
        // nothing has been sent and the client is there, a bare InternalError still answers it
        // (no CORS or other extra headers, the likely culprits); otherwise only closing is left.
        log('cos-local: unhandled error while replying', e);
        if (res.headersSent || res.destroyed) {
          res.destroy();
          return;
        }
        try {
          const meta = { requestId: ids.requestId(), traceId: ids.traceId(), nowMs: services.clock.now(), resource: '', head: req.method === 'HEAD', extraHeaders: {} };
          sendError(res, meta, new CosError('InternalError'));
        } catch (again) {
          log('cos-local: could not answer InternalError', again);
          res.destroy();
        }
      });
    },
    close: async () => {
      await Promise.all([replicator.close(), lifecycle.stop()]);
      await options.store.close();
    },
  };
}

export type StartOptions = Omit<CosLocalOptions, 'store'> & {
  /** 0 picks a free port. Default 9000. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Also serve HTTPS on this port (0 picks a free one). Default: no HTTPS. */
  httpsPort?: number;
  /** Told the certificate's path before any port accepts connections (docs/cos-behaviour.md "Addressing
   * and endpoints"). */
  onCertificate?: (certificatePath: string) => void;
} & ({ dataDir: string; memory?: false } | { memory: true; dataDir?: undefined });

export interface RunningCosLocal extends CosLocalBackground {
  port: number;
  /** `http://<host>:<port>` */
  url: string;
  httpsPort?: number;
  /** `https://<host>:<httpsPort>` */
  httpsUrl?: string;
  /** The PEM certificate clients trust (`NODE_EXTRA_CA_CERTS`). */
  certificatePath?: string;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function stop(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** `<data>/tls`, or a fresh temporary directory (removed on close) with `--memory`. */
async function tlsMaterial(options: StartOptions): Promise<{ tls: TlsMaterial; cleanup: () => Promise<void> }> {
  if (options.memory) {
    const dir = await mkdtemp(join(tmpdir(), 'cos-local-tls-'));
    return { tls: await ensureCertificate(dir), cleanup: () => rm(dir, { recursive: true, force: true }) };
  }
  return { tls: await ensureCertificate(join(options.dataDir, 'tls')), cleanup: async () => undefined };
}

export async function startCosLocal(options: StartOptions): Promise<RunningCosLocal> {
  const https = options.httpsPort === undefined ? undefined : await tlsMaterial(options);
  if (https) options.onCertificate?.(https.tls.certPath);
  const store = await openStore(options.memory ? { memory: true } : { dataDir: options.dataDir }, { log: (line) => (options.log ?? stderrLog)(line) }).catch(async (e: unknown) => {
    await https?.cleanup();
    throw e;
  });
  const app = createCosLocal({ ...options, store });
  // No request timeout: a local 5 GB upload may take longer than Node's default 5 minutes.
  // requireHostHeader off: Node would answer an HTTP/1.1 request without Host itself, with a bare
  // 400 (no XML error, no x-cos-request-id); cos-local routes it path-style and answers as COS.
  const serverOptions = { requestTimeout: 0, maxHeaderSize: MAX_HEADER_BYTES, requireHostHeader: false };
  const server = createServer(serverOptions, app.handler);
  const secure = https && createHttpsServer({ ...serverOptions, cert: https.tls.cert, key: https.tls.key }, app.handler);
  const ids = options.ids ?? randomIds;
  for (const s of [server, secure]) {
    s?.on('clientError', (e: Error, socket: Duplex) => answerClientError(e, socket, ids));
    s?.on('connect', (_req: IncomingMessage, socket: Duplex) => answerConnect(socket, ids));
  }
  const host = options.host ?? '127.0.0.1';
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  let port: number;
  let httpsPort: number | undefined;
  try {
    port = await listen(server, options.port ?? 9000, host);
    if (secure) httpsPort = await listen(secure, options.httpsPort ?? 0, host);
  } catch (e) {
    await Promise.all([stop(server), secure ? stop(secure) : undefined]);
    await app.close();
    await https?.cleanup();
    throw e;
  }
  let closing: Promise<void> | undefined;
  return {
    runLifecycle: (clock) => app.runLifecycle(clock),
    replicationProgress: (bucket) => app.replicationProgress(bucket),
    replicationIdle: () => app.replicationIdle(),
    port,
    url: `http://${hostInUrl}:${port}`,
    ...(https && httpsPort !== undefined
      ? { httpsPort, httpsUrl: `https://${hostInUrl}:${httpsPort}`, certificatePath: https.tls.certPath }
      : {}),
    close: () => {
      closing ??= Promise.all([stop(server), secure ? stop(secure) : undefined])
        .then(() => app.close())
        .then(() => https?.cleanup());
      return closing;
    },
  };
}
