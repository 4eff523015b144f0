// Default clock and id generators; tests inject deterministic ones.
import { randomBytes } from 'node:crypto';
import type { Clock, IdGenerator } from './context';

export const systemClock: Clock = { now: () => Date.now() };

/** COS request ids look like base64 of `<hex>_<hex>_<hex>_<hex>` (e.g. NWQ4YzM0ZTVfMjdiMjM1MGFfMzBkMl8xNjI2YjE5). */
export const randomIds: IdGenerator = {
  requestId: () => {
    const h = randomBytes(13).toString('hex');
    return Buffer.from(`${h.slice(0, 8)}_${h.slice(8, 16)}_${h.slice(16, 20)}_${h.slice(20, 26)}`).toString('base64');
  },
  traceId: () => randomBytes(48).toString('base64'),
};

/** Deterministic ids for tests: `req-1`, `req-2`, … and `trace-1`, … */
export function sequentialIds(prefix = ''): IdGenerator {
  let r = 0;
  let t = 0;
  return { requestId: () => `${prefix}req-${++r}`, traceId: () => `${prefix}trace-${++t}` };
}
