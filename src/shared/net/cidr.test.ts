import { describe, expect, it } from 'vitest';
import { ipInCidr, parseCidr, parseIp, readCidr, readIp } from './cidr';

describe('ipInCidr', () => {
  it.each([
    ['v4 in /24', '192.168.1.77', '192.168.1.0/24', true],
    ['v4 outside /24', '192.168.2.1', '192.168.1.0/24', false],
    ['single IP equal', '101.226.100.185', '101.226.100.185', true],
    ['single IP differs', '101.226.100.186', '101.226.100.185', false],
    ['/0 covers all v4', '8.8.8.8', '0.0.0.0/0', true],
    ['non-aligned base is masked', '10.0.0.200', '10.0.0.129/25', true],
    ['v4-mapped v6 client (Node dual stack)', '::ffff:192.168.1.5', '192.168.1.0/24', true],
    ['v6 in /32', '2001:db8:1::5', '2001:db8::/32', true],
    ['v6 outside /32', '2001:db9::1', '2001:db8::/32', false],
    ['v6 loopback', '::1', '::1', true],
    ['families never mix', '::1', '0.0.0.0/0', false],
    ['garbage client ip', 'not-an-ip', '0.0.0.0/0', false],
  ] as const)('%s', (_name, ip, cidr, expected) => {
    const c = parseCidr(cidr);
    expect(c).toBeDefined();
    expect(c !== undefined && ipInCidr(ip, c)).toBe(expected);
  });

  it.each(['10.*.*.10/24', '256.1.1.1', '1.2.3.4/33', '1.2.3', '::1/129', '1:2:3:4:5:6:7:8:9', 'a::b::c', '1.2.3.4/24/1'])(
    'rejects %s',
    (bad) => expect(parseCidr(bad)).toBeUndefined(),
  );

  it('expands :: and embedded IPv4 the same way', () => {
    expect(parseIp('::ffff:c0a8:0101')).toEqual(parseIp('192.168.1.1'));
    expect(parseIp('2001:db8::1')).toEqual(parseIp('2001:0db8:0:0:0:0:0:1'));
  });
});

describe('matching, by family and prefix length', () => {
  it.each([
    // IPv4
    ['v4 /32 is one address', '203.0.113.9', '203.0.113.9/32', true],
    ['v4 /32, the next address', '203.0.113.10', '203.0.113.9/32', false],
    ['v4 /0, lowest address', '0.0.0.0', '0.0.0.0/0', true],
    ['v4 /0, highest address', '255.255.255.255', '10.1.2.3/0', true],
    ['v4 /8 edge inside', '10.255.255.255', '10.0.0.0/8', true],
    ['v4 /8 edge outside', '11.0.0.0', '10.0.0.0/8', false],
    ['v4 /31', '192.0.2.1', '192.0.2.0/31', true],
    ['v4 blanks around both', ' 192.0.2.1 ', ' 192.0.2.0/24 ', true],
    // IPv6
    ['v6 /128 is one address', '2001:db8::1', '2001:db8::1/128', true],
    ['v6 /128, the next address', '2001:db8::2', '2001:db8::1/128', false],
    ['v6 /0 covers every v6', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '::/0', true],
    ['v6 /0 does not cover v4', '8.8.8.8', '::/0', false],
    ['v6 /64', '2001:db8:0:1:ffff::1', '2001:db8:0:1::/64', true],
    ['v6 /64 neighbour', '2001:db8:0:2::1', '2001:db8:0:1::/64', false],
    ['v6 written in full and short', '2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1', true],
    ['v6 upper-case hex', '2001:DB8::A', '2001:db8::a/128', true],
    ['v6 zone id ignored', 'fe80::1%eth0', 'fe80::/10', true],
    // IPv4-mapped IPv6
    ['mapped client, v4 /32', '::ffff:1.2.3.4', '1.2.3.4/32', true],
    ['mapped client in hex, v4 block', '::ffff:102:304', '1.2.3.0/24', true],
    ['mapped client, v4 /0', '::ffff:1.2.3.4', '0.0.0.0/0', true],
    ['v4 client, mapped single address', '1.2.3.4', '::ffff:1.2.3.4', true],
    ['v4 client, mapped /120 (= /24)', '1.2.3.77', '::ffff:1.2.3.0/120', true],
    ['v4 client outside mapped /120', '1.2.4.1', '::ffff:1.2.3.0/120', false],
    ['v4 client, mapped /96 (= every v4)', '9.9.9.9', '::ffff:0.0.0.0/96', true],
    ['mapped client, mapped /128', '::ffff:1.2.3.4', '::ffff:1.2.3.4/128', true],
    ['v4 client, v6 /64 holding the mapped range', '1.2.3.4', '::/64', false],
    ['v4-compatible form reads as mapped', '::1.2.3.4', '1.2.3.4', true],
  ] as const)('%s: %s in %s → %s', (_name, ip, cidr, expected) => {
    const c = readCidr(cidr);
    expect(c.ok).toBe(true);
    expect(c.ok && ipInCidr(ip, c.value)).toBe(expected);
  });

  it('reads a mapped block as its IPv4 block', () => {
    expect(parseCidr('::ffff:10.0.0.0/104')).toEqual(parseCidr('10.0.0.0/8'));
    expect(parseCidr('::ffff:1.2.3.4')).toEqual(parseCidr('1.2.3.4/32'));
    expect(parseIp('::ffff:1.2.3.4')?.kind()).toBe('ipv4');
  });
});

describe('malformed input, with the reason', () => {
  it.each([
    ['', 'no address'],
    ['   ', 'no address'],
    ['/24', 'no address'],
    ['not-an-ip', '"not-an-ip" is not an IPv4 or IPv6 address'],
    ['proxy.local', '"proxy.local" is not an IPv4 or IPv6 address'],
    ['256.1.1.1', '"256.1.1.1" is not an IPv4 or IPv6 address'],
    ['1.2.3.4.5', '"1.2.3.4.5" is not an IPv4 or IPv6 address'],
    ['10.*.*.10/24', '"10.*.*.10" is not an IPv4 or IPv6 address'],
    ['1.2.3', '"1.2.3" is not four decimal numbers without leading zeros'],
    ['127.1', '"127.1" is not four decimal numbers without leading zeros'],
    ['010.1.1.1', '"010.1.1.1" is not four decimal numbers without leading zeros'],
    ['0x7f.0.0.1', '"0x7f.0.0.1" is not four decimal numbers without leading zeros'],
    ['2130706433', '"2130706433" is not four decimal numbers without leading zeros'],
    ['1:2:3:4:5:6:7:8:9', '"1:2:3:4:5:6:7:8:9" is not an IPv4 or IPv6 address'],
    ['a::b::c', '"a::b::c" is not an IPv4 or IPv6 address'],
    ['2001:db8::g', '"2001:db8::g" is not an IPv4 or IPv6 address'],
    ['[::1]', '"[::1]" is not an IPv4 or IPv6 address'],
    ['::ffff:1.2.3', '"::ffff:1.2.3" is not an IPv4 or IPv6 address'],
    ['::ffff:010.1.1.1', 'the IPv4 part "010.1.1.1" is not four decimal numbers without leading zeros'],
    ['1.2.3.4/33', 'prefix length 33 is longer than 32 bits (IPv4)'],
    ['::1/129', 'prefix length 129 is longer than 128 bits (IPv6)'],
    ['::ffff:1.2.3.4/129', 'prefix length 129 is longer than 128 bits (IPv6)'],
    ['1.2.3.4/', 'prefix length "" is not a number'],
    ['1.2.3.4/-1', 'prefix length "-1" is not a number'],
    ['1.2.3.4/2 4', 'prefix length "2 4" is not a number'],
    ['1.2.3.4/1000', 'prefix length "1000" is not a number'],
    ['1.2.3.0/255.255.255.0', 'prefix length "255.255.255.0" is not a number'],
    ['1.2.3.4/24/1', 'more than one "/"'],
  ])('%j: %s', (text, reason) => {
    expect(readCidr(text)).toEqual({ ok: false, reason });
  });

  it.each([
    ['1.2.3.4/32', 'an address with a prefix', '"1.2.3.4/32" is not an IPv4 or IPv6 address'],
    ['', 'no address', 'no address'],
  ])('readIp(%j) refuses: %s', (text, _name, reason) => {
    expect(readIp(text)).toEqual({ ok: false, reason });
  });
});
