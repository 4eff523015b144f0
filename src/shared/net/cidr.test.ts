import { describe, expect, it } from 'vitest';
import { ipInCidr, parseCidr, parseIp } from './ip';

describe('ipInCidr', () => {
  it.each([
    ['v4 in /24 [seed 000 L2273]', '192.168.1.77', '192.168.1.0/24', true],
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
