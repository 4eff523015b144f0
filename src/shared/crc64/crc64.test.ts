import { describe, expect, it } from 'vitest';
import { Crc64, crc64Decimal } from './crc64';

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('CRC-64/ECMA-182 (COS x-cos-hash-crc64ecma)', () => {
  it.each([
    ['check value "123456789"', '123456789', 11051210869376104954n],
    ['empty input', '', 0n],
    ['a single byte', 'a', 0x330284772e652b05n],
  ])('%s', (_name, input, expected) => {
    expect(new Crc64().update(ascii(input)).digest()).toBe(expected);
  });

  it('is 0x995DC9BBDF1939FA for the check string', () => {
    expect(new Crc64().update(ascii('123456789')).digest().toString(16)).toBe('995dc9bbdf1939fa');
    expect(crc64Decimal(ascii('123456789'))).toBe('11051210869376104954');
  });

  it('gives the same value whatever the chunking', () => {
    const data = ascii('The quick brown fox jumps over the lazy dog, 中文 and 🙂');
    const whole = crc64Decimal(data);
    const chunked = new Crc64();
    for (let i = 0; i < data.length; i += 7) chunked.update(data.subarray(i, i + 7));
    expect(chunked.toDecimal()).toBe(whole);
  });
});
