// IP and CIDR matching for `ip_equal` / `ip_not_equal` on `qcs:ip`: single IPs or CIDRs, IPv4 and
// IPv6 [seed 000 L2273-2281]. IPv4-mapped IPv6 (`::ffff:1.2.3.4`, what Node reports on a dual-stack
// socket) is compared as IPv4.

interface Addr {
  readonly v: 4 | 6;
  readonly n: bigint;
}

function parseV4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = (n << 8n) | BigInt(Number(p));
  }
  return n;
}

function parseV6(s: string): bigint | undefined {
  let text = s;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    // Embedded IPv4 tail (`::ffff:1.2.3.4`): rewrite it as two hex groups.
    const v4 = parseV4(text.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    text = `${text.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const split = (h: string | undefined): string[] => (h ? h.split(':') : []);
  let parts: string[];
  if (halves.length === 1) {
    parts = split(halves[0]);
    if (parts.length !== 8) return undefined;
  } else {
    const head = split(halves[0]);
    const tail = split(halves[1]);
    if (head.length + tail.length > 7) return undefined;
    parts = [...head, ...new Array<string>(8 - head.length - tail.length).fill('0'), ...tail];
  }
  let n = 0n;
  for (const g of parts) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    n = (n << 16n) | BigInt(`0x${g}`);
  }
  return n;
}

/** Parses an IPv4 or IPv6 address; IPv4-mapped IPv6 becomes IPv4. */
export function parseIp(s: string): Addr | undefined {
  const v4 = parseV4(s);
  if (v4 !== undefined) return { v: 4, n: v4 };
  const v6 = parseV6(s.replace(/%.*$/, '')); // drop a zone id (`fe80::1%eth0`)
  if (v6 === undefined) return undefined;
  if (v6 >> 32n === 0xffffn) return { v: 4, n: v6 & 0xffffffffn };
  return { v: 6, n: v6 };
}

export interface Cidr {
  readonly v: 4 | 6;
  readonly n: bigint;
  readonly bits: number;
}

/** Parses `1.2.3.0/24`, `2001:db8::/32` or a single address (a /32 or /128). */
export function parseCidr(s: string): Cidr | undefined {
  const [ip = '', len, extra] = s.trim().split('/');
  if (extra !== undefined) return undefined;
  const addr = parseIp(ip);
  if (!addr) return undefined;
  const max = addr.v === 4 ? 32 : 128;
  if (len !== undefined && !/^\d{1,3}$/.test(len)) return undefined;
  const bits = len === undefined ? max : Number(len);
  if (bits > max) return undefined;
  return { v: addr.v, n: addr.n, bits };
}

/** Is the address inside the block? Different families never match. */
export function ipInCidr(ip: string, cidr: Cidr): boolean {
  const addr = parseIp(ip.trim());
  if (!addr || addr.v !== cidr.v) return false;
  const shift = BigInt((cidr.v === 4 ? 32 : 128) - cidr.bits);
  return addr.n >> shift === cidr.n >> shift;
}
