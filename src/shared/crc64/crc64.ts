// CRC-64/ECMA-182 as COS computes `x-cos-hash-crc64ecma` (the XZ variant: reflected, init and
// xorout all ones, polynomial 0xC96C5795D7870F42 reflected; same as Go `crc64.ECMA` and npm
// crc64-ecma182). Doc: https://cloud.tencent.com/document/product/436/40334
// The 64-bit state is kept as two unsigned 32-bit halves so that hashing stays fast without BigInt.

const POLY_HI = 0xc96c5795;
const POLY_LO = 0xd7870f42;

function buildTables(): { hi: Uint32Array; lo: Uint32Array } {
  const hi = new Uint32Array(256);
  const lo = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let h = 0;
    let l = i;
    for (let k = 0; k < 8; k++) {
      const lsb = l & 1;
      l = ((l >>> 1) | ((h & 1) << 31)) >>> 0;
      h = h >>> 1;
      if (lsb) {
        h = (h ^ POLY_HI) >>> 0;
        l = (l ^ POLY_LO) >>> 0;
      }
    }
    hi[i] = h;
    lo[i] = l;
  }
  return { hi, lo };
}

const TABLE = buildTables();

/** An incremental CRC-64/ECMA-182: `update` with each chunk, then `digest`. */
export class Crc64 {
  // The register, already inverted (init = ~0).
  private hi = 0xffffffff;
  private lo = 0xffffffff;

  update(bytes: Uint8Array): this {
    const th = TABLE.hi;
    const tl = TABLE.lo;
    let hi = this.hi;
    let lo = this.lo;
    for (let i = 0; i < bytes.length; i++) {
      const idx = (lo ^ (bytes[i] ?? 0)) & 0xff;
      lo = (((lo >>> 8) | (hi << 24)) ^ (tl[idx] ?? 0)) >>> 0;
      hi = ((hi >>> 8) ^ (th[idx] ?? 0)) >>> 0;
    }
    this.hi = hi;
    this.lo = lo;
    return this;
  }

  /** The CRC (after the final inversion) as an unsigned 64-bit integer. */
  digest(): bigint {
    return (BigInt((~this.hi) >>> 0) << 32n) | BigInt((~this.lo) >>> 0);
  }

  /** The unsigned decimal string COS sends in `x-cos-hash-crc64ecma`. */
  toDecimal(): string {
    return this.digest().toString(10);
  }
}

/** CRC-64/ECMA-182 of a whole byte array, as an unsigned decimal string. */
export function crc64Decimal(bytes: Uint8Array): string {
  return new Crc64().update(bytes).toDecimal();
}
