// IP addresses and CIDR blocks, for policy conditions (`ip_equal` / `ip_not_equal` on `qcs:ip`) and
// the TRUST_PROXY allow-list: ipaddr.js parses and matches; this module adds the text rules both need.
// - IPv4 is four decimal numbers, without leading zeros (ipaddr.js also reads `010.1.1.1` as octal,
//   `127.1` and `0x7f000001`; a policy or a proxy list means none of those), in IPv6's dotted tail too.
// - An IPv4-mapped IPv6 address (`::ffff:1.2.3.4`, what Node reports on a dual-stack socket) is its
//   IPv4 address, and a mapped block of /96 or longer its IPv4 block; families never match each other.
// - A single address is a /32 or /128 block; a zone id (`fe80::1%eth0`) is allowed and ignored.
import ipaddr from 'ipaddr.js';

export type Ip = ipaddr.IPv4 | ipaddr.IPv6;

export interface Cidr {
  /** The address as written (not masked to the network); matching compares the first `bits`. */
  readonly address: Ip;
  readonly bits: number;
}

/** A parse result that says why the text was refused. */
export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const refuse = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

const MAPPED_PREFIX = 96;

function readAddress(text: string): Read<Ip> {
  if (text === '') return refuse('no address');
  if (!text.includes(':')) {
    if (ipaddr.IPv4.isValidFourPartDecimal(text)) return { ok: true, value: ipaddr.IPv4.parse(text) };
    return refuse(ipaddr.IPv4.isValid(text) ? `"${text}" is not four decimal numbers without leading zeros` : `"${text}" is not an IPv4 or IPv6 address`);
  }
  if (!ipaddr.IPv6.isValid(text)) return refuse(`"${text}" is not an IPv4 or IPv6 address`);
  const tail = text.replace(/%.*$/, '').split(':').pop() ?? '';
  if (tail.includes('.') && !ipaddr.IPv4.isValidFourPartDecimal(tail)) return refuse(`the IPv4 part "${tail}" is not four decimal numbers without leading zeros`);
  const v6 = ipaddr.IPv6.parse(text);
  return { ok: true, value: v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6 };
}

/** An IPv4 or IPv6 address (surrounding blanks ignored); IPv4-mapped IPv6 becomes IPv4. */
export function readIp(text: string): Read<Ip> {
  return readAddress(text.trim());
}

/** `1.2.3.0/24`, `2001:db8::/32`, `::ffff:10.0.0.0/104` (= 10.0.0.0/8) or one address (a /32 or /128). */
export function readCidr(text: string): Read<Cidr> {
  const parts = text.trim().split('/');
  if (parts.length > 2) return refuse('more than one "/"');
  const [addressText = '', prefix] = parts;
  if (prefix !== undefined && !/^\d{1,3}$/.test(prefix)) return refuse(`prefix length "${prefix}" is not a number`);
  // The mapped form is checked before it becomes IPv4, so its prefix counts IPv6 bits.
  const written = addressText.includes(':') && ipaddr.IPv6.isValid(addressText) ? ipaddr.IPv6.parse(addressText) : undefined;
  const address = readAddress(addressText);
  if (!address.ok) return address;
  const isV6 = address.value.kind() === 'ipv6' || written !== undefined;
  const max = isV6 ? 128 : 32;
  const bits = prefix === undefined ? max : Number(prefix);
  if (bits > max) return refuse(`prefix length ${bits} is longer than ${max} bits (${isV6 ? 'IPv6' : 'IPv4'})`);
  if (written?.isIPv4MappedAddress()) {
    // Shorter than the mapped range: an IPv6 block that holds more than the mapped addresses.
    return { ok: true, value: bits >= MAPPED_PREFIX ? { address: address.value, bits: bits - MAPPED_PREFIX } : { address: written, bits } };
  }
  return { ok: true, value: { address: address.value, bits } };
}

export function parseIp(text: string): Ip | undefined {
  const r = readIp(text);
  return r.ok ? r.value : undefined;
}

export function parseCidr(text: string): Cidr | undefined {
  const r = readCidr(text);
  return r.ok ? r.value : undefined;
}

/** Is the address (text or parsed) inside the block? Not an address, or another family: false. */
export function ipInCidr(ip: string | Ip, cidr: Cidr): boolean {
  const parsed = typeof ip === 'string' ? parseIp(ip) : ip;
  const address = parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress() ? parsed.toIPv4Address() : parsed;
  if (!address || address.kind() !== cidr.address.kind()) return false;
  return address.match(cidr.address, cidr.bits);
}
