// Runs the lifecycle runner every `intervalMs` (COS applies rules in a daily batch; a minute keeps a local
// server's behaviour visible without a long wait). Runs never overlap; the timer does not keep the
// process alive; `stop` waits for a run in progress.
import type { Logger } from '../handler';
import type { Clock } from '../context';
import type { Store } from '../store/types';
import { runLifecycle, type LifecycleReport } from './run';

export const DEFAULT_LIFECYCLE_INTERVAL_MS = 60_000;

export interface LifecycleSchedule {
  /** One run now (after a run in progress), with the server's clock or another. */
  run(clock?: Clock): Promise<LifecycleReport>;
  stop(): Promise<void>;
}

export function scheduleLifecycle(store: Store, clock: Clock, log: Logger, intervalMs: number): LifecycleSchedule {
  let last: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const run = (c: Clock = clock): Promise<LifecycleReport> => {
    const next = last.then(() => runLifecycle(store, c));
    last = next.catch(() => undefined);
    return next;
  };
  const timer = intervalMs > 0
    ? setInterval(() => {
      if (!stopped) run().catch((e: unknown) => log('cos-local: lifecycle run failed', e));
    }, intervalMs)
    : undefined;
  timer?.unref();
  return {
    run,
    stop: async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      await last;
    },
  };
}
