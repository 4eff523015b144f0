// cos-local as a library: `createCosLocal` gives a node:http request listener over a store and
// accounts (tests inject clock and ids); `startCosLocal` opens the store and listens.
// plain node:http accepts absolute-form targets, which the SDKs' Proxy option sends.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AccountsFile } from './accounts';
import type { Clock, IdGenerator } from './context';
import { createHandler, type Logger } from './handler';
import { randomIds, systemClock } from './ids';
import { AccountRegistry } from './principal';
import { openStore } from './store/open-store';
import type { Store } from './store/types';

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
}

export interface CosLocal {
  /** A node:http request listener. */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** Closes the store. */
  close(): Promise<void>;
}

const stderrLog: Logger = (message, error) => console.error(message, error ?? '');

export function createCosLocal(options: CosLocalOptions): CosLocal {
  const log = options.log ?? stderrLog;
  const handle = createHandler(
    {
      store: options.store,
      accounts: new AccountRegistry(options.accounts),
      clock: options.clock ?? systemClock,
      defaultRegion: options.defaultRegion ?? DEFAULT_REGION,
    },
    options.ids ?? randomIds,
    log,
  );
  return {
    handler: (req, res) => {
      handle(req, res).catch((e: unknown) => {
        log('cos-local: unhandled error while replying', e);
        res.destroy();
      });
    },
    close: () => options.store.close(),
  };
}

export type StartOptions = Omit<CosLocalOptions, 'store'> & {
  /** 0 picks a free port. Default 9000. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
} & ({ dataDir: string; memory?: false } | { memory: true; dataDir?: undefined });

export interface RunningCosLocal {
  port: number;
  /** `http://<host>:<port>` */
  url: string;
  close(): Promise<void>;
}

export async function startCosLocal(options: StartOptions): Promise<RunningCosLocal> {
  const store = await openStore(options.memory ? { memory: true } : { dataDir: options.dataDir });
  const app = createCosLocal({ ...options, store });
  // No request timeout: a local 5 GB upload may take longer than Node's default 5 minutes.
  const server = createServer({ requestTimeout: 0 }, app.handler);
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 9000, host, () => resolve());
    });
  } catch (e) {
    await app.close();
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    port,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => app.close());
      return closing;
    },
  };
}
