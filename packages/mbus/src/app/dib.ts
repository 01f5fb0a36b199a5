/**
 * EN 13757-3:2013 clause 6.3: the data information block, DIF + up to 10 DIFEs.
 *   DIF  = extension | storage LSB | function (2 bits) | data field (4 bits)      (clause 6.3.2, table 4)
 *   DIFE = extension | subunit bit | tariff (2 bits)   | storage (4 bits)         (clause 6.3.4)
 * Fills a caller-owned scratch object (no allocation unless DIFEs are present); returns an error or null.
 */
import { hex2, MbusError } from "../errors";
import { type DataCoding, DIF_CODING, DIF_FUNCTION, MAX_DIFE, type RecordFunction } from "../tables/dif";

export interface Dib {
  dif: number;
  dife: readonly number[];
  storage: number;
  tariff: number;
  subunit: number;
  function: RecordFunction;
  coding: DataCoding;
  /** Data length in bytes from the DIF; -1 = variable length (LVAR follows the VIB). */
  length: number;
  /** Offset after the DIB. */
  next: number;
}

export const EMPTY_BYTES: readonly number[] = Object.freeze([]);

/** 2^0 .. 2^41: the storage number of 10 DIFEs has 1 + 4 x 10 bits. */
const POW2: readonly number[] = Array.from({ length: 42 }, (_, i) => 2 ** i);

/** `[byte]` for every byte value, frozen (records share them). */
export const ONE_BYTE: readonly (readonly number[])[] = Array.from({ length: 256 }, (_, i) =>
  Object.freeze([i]),
);

/** The bytes from `from` to `to` as a list. */
export function byteList(b: Uint8Array, from: number, to: number): number[] {
  const list: number[] = [];
  for (let i = from; i < to; i++) list.push(b[i]!);
  return list;
}

export function newDib(): Dib {
  return {
    dif: 0,
    dife: EMPTY_BYTES,
    storage: 0,
    tariff: 0,
    subunit: 0,
    function: "instantaneous",
    coding: "none",
    length: 0,
    next: 0,
  };
}

/** Reads the DIB at `pos`. The caller has already handled the special DIFs 0x0F, 0x1F, 0x2F and 0x7F. */
export function readDib(b: Uint8Array, pos: number, end: number, base: number, out: Dib): MbusError | null {
  const dif = b[pos++]!;
  let storage = (dif >> 6) & 1;
  let tariff = 0;
  let subunit = 0;
  let dife: readonly number[] = EMPTY_BYTES;
  if (dif & 0x80) {
    // the chain is read in place; its list is made at the end (one DIFE: a shared frozen list)
    const first = pos;
    let n = 0;
    let ext = true;
    while (ext) {
      if (pos >= end)
        return new MbusError("PREMATURE_END", "data ended inside the DIFE chain", {
          offset: base + pos,
          field: "dife",
        });
      if (n === MAX_DIFE)
        return new MbusError("TOO_MANY_DIFE", "more than 10 DIFEs (clause 6.3.4)", {
          offset: base + pos,
          expected: MAX_DIFE,
          actual: n + 1,
          field: "dife",
        });
      const e = b[pos++]!;
      // integer shifts while the sums fit 31 bits (they stay small integers, not boxed doubles):
      // storage 1 + 4n bits up to n = 6; tariff 2 bits and subunit 1 bit a DIFE always do (n < 10)
      storage += n < 7 ? (e & 0x0f) << (1 + 4 * n) : (e & 0x0f) * POW2[1 + 4 * n]!;
      tariff += ((e >> 4) & 0x03) << (2 * n);
      subunit += ((e >> 6) & 1) << n;
      n++;
      ext = (e & 0x80) !== 0;
    }
    dife = n === 1 ? ONE_BYTE[b[first]!]! : byteList(b, first, pos);
  }
  const dataField = dif & 0x0f;
  if (dataField === 0x0f && dif !== 0x7f)
    return new MbusError("BAD_VALUE", `reserved special DIF ${hex2(dif)} (table 6)`, {
      offset: base + pos - 1 - dife.length,
      actual: dif,
      field: "dif",
    });
  const coding = DIF_CODING[dataField]!;
  out.dif = dif;
  out.dife = dife;
  out.storage = storage;
  out.tariff = tariff;
  out.subunit = subunit;
  out.function = dif === 0x7f ? "globalReadout" : DIF_FUNCTION[(dif >> 4) & 0x03]!;
  out.coding = coding.coding;
  out.length = coding.length;
  out.next = pos;
  return null;
}
