// The facts of an HTTP request the condition keys are built from (the conditions table
// https://www.tencentcloud.com/document/product/436/46205; keys and their semantics in
// src/shared/policy/context.ts): headers, the decoded query, the client IP (`qcs:ip`), whether it came
// over TLS and which version (`cos:secure-transport`, `cos:tls-version`, 436/46206), the bucket's tags
// (`qcs:resource_tag`) and the request time.
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { RequestFacts, Tag } from '../../shared/policy/context';
import type { RequestQuery } from '../query';

export interface FactsInput {
  readonly req: IncomingMessage;
  readonly query: RequestQuery;
  readonly action: string;
  readonly nowMs: number;
  readonly resourceTags?: readonly Tag[];
}

/** `::ffff:127.0.0.1` (an IPv4 client of a dual-stack socket) is `127.0.0.1`. */
export function clientIp(req: IncomingMessage): string | undefined {
  const ip = req.socket.remoteAddress;
  return ip?.startsWith('::ffff:') && ip.includes('.') ? ip.slice('::ffff:'.length) : ip;
}

function tlsVersionOf(req: IncomingMessage): string | undefined {
  if (!('encrypted' in req.socket)) return undefined;
  return (req.socket as TLSSocket).getProtocol() ?? undefined;
}

export function requestFacts(input: FactsInput): RequestFacts {
  const query: Record<string, string> = {};
  for (const p of input.query.params) query[p.name.toLowerCase()] = p.value ?? '';
  const ip = clientIp(input.req);
  const tls = tlsVersionOf(input.req);
  return {
    action: input.action,
    headers: input.req.headers,
    query,
    secure: 'encrypted' in input.req.socket,
    currentTime: new Date(input.nowMs).toISOString(),
    ...(ip !== undefined ? { clientIp: ip } : {}),
    ...(tls !== undefined ? { tlsVersion: tls } : {}),
    ...(input.resourceTags ? { resourceTags: input.resourceTags } : {}),
  };
}
