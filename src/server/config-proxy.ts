// TRUST_PROXY: Fastify's `trustProxy` (https://fastify.dev/docs/latest/Reference/Server/#trustproxy).
// Off by default: X-Forwarded-For is then ignored, since any client can send it — trusting it without
// a proxy in front would let one client pose as many and escape the per-address sign-in throttle.
// Behind a proxy it must be on, or every client looks like the proxy: one bad actor would lock the
// address for everyone, and the audit log would record the proxy. `true` trusts every hop, a number
// that many hops from the server, a list only those addresses/CIDRs (the safest choice).
// A list is read and matched by src/shared/net/cidr.ts, as policy conditions are (app.ts hands Fastify a
// function, not the list).
import { readCidr } from '../shared/net/cidr';
import { ConfigError } from './config-error';

export type TrustProxy = boolean | number | readonly string[];

function checkAddress(where: string, entry: string): void {
  const r = readCidr(entry);
  if (!r.ok) throw new ConfigError(`${where}: "${entry}" is not an IP address or CIDR: ${r.reason}`);
}

/** From the environment (a string) or the file (boolean, integer, array, or a comma list). */
export function parseTrustProxy(where: string, raw: string | number | boolean | readonly string[] | undefined): TrustProxy {
  if (raw === undefined) return false;
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw) || raw < 0 || raw > 100) throw new ConfigError(`${where} must be a hop count between 0 and 100`);
    return raw;
  }
  let list: readonly string[];
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (text === 'true') return true;
    if (text === 'false' || text === '' || text === '0') return false;
    if (/^\d+$/.test(text)) return parseTrustProxy(where, Number(text));
    list = text.split(',');
  } else {
    list = raw;
  }
  const entries = list.map((e) => e.trim()).filter((e) => e !== '');
  if (entries.length === 0) throw new ConfigError(`${where} must be true, false, a hop count or a list of addresses/CIDRs`);
  for (const entry of entries) checkAddress(where, entry);
  return entries;
}
