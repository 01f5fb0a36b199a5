/**
 * EN 13757-3:2018 Annex G (compact M-Bus frames) with CI 0x79 / 0x7B / 0x73 (EN 13757-7 table 2): the
 * data starts with the format signature (2 bytes, LSB first: the CRC of every record's DIF..VIFE
 * bytes, the data record headers) and the full-frame CRC (2 bytes, LSB first: the CRC of the records
 * as a full frame would carry them); the record data follows without its headers. A receiver needs the
 * headers from an earlier full frame with the same signature (or a driver that knows the layout).
 */
import { crc16 } from "../link/crc";

/** Data field length by DIF bits 3-0 (EN 13757-3 table 4); -1 = variable or special (not compact). */
const DATA_LENGTH = [0, 1, 2, 3, 4, 4, 6, 8, 0, 1, 2, 3, 4, -1, 6, -1];

/** The data record headers (DIF, DIFE, VIF, VIFE) of full records, and their data lengths. */
export interface RecordLayout {
  headers: Uint8Array[];
  lengths: number[];
}

/** Splits records into headers and data lengths; null when a record cannot be compacted. */
export function layoutOf(b: Uint8Array, from: number, to: number): RecordLayout | null {
  const headers: Uint8Array[] = [];
  const lengths: number[] = [];
  let p = from;
  while (p < to) {
    if (b[p] === 0x2f) {
      p++;
      continue;
    }
    const start = p;
    const dif = b[p++]!;
    if ((dif & 0x0f) === 0x0f) break; // manufacturer data: not part of a layout
    let guard = 0;
    let x = dif;
    while (x & 0x80 && p < to && guard++ < 10) x = b[p++]!;
    x = b[p++] ?? 0;
    if ((x & 0x7f) === 0x7c) return null; // plain-text VIF: not compactable here
    guard = 0;
    while (x & 0x80 && p < to && guard++ < 10) x = b[p++]!;
    const n = DATA_LENGTH[dif & 0x0f]!;
    if (n < 0 || p + n > to) return null;
    headers.push(b.slice(start, p));
    lengths.push(n);
    p += n;
  }
  return { headers, lengths };
}

export function signatureOf(layout: RecordLayout): number {
  const all = concat(layout.headers);
  return crc16(all);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Known record layouts by format signature. */
export class FormatCache {
  private readonly byId = new Map<number, RecordLayout>();
  private readonly limit: number;

  constructor(limit = 1024) {
    this.limit = limit;
  }

  /** Learns the layout of full records (a full frame's data). */
  learn(b: Uint8Array, from: number, to: number): void {
    const layout = layoutOf(b, from, to);
    if (layout === null || layout.headers.length === 0) return;
    const id = signatureOf(layout);
    if (!this.byId.has(id) && this.byId.size >= this.limit) return;
    this.byId.set(id, layout);
  }

  /** Learns from the record headers alone (hex DIF..VIFE of each record, concatenated). */
  learnHeaders(headers: Uint8Array): void {
    const withData: number[] = [];
    const lay = splitHeaders(headers);
    if (lay === null) return;
    for (const [i, h] of lay.headers.entries()) withData.push(...h, ...new Array(lay.lengths[i]!).fill(0));
    this.learn(Uint8Array.from(withData), 0, withData.length);
  }

  get(signature: number): RecordLayout | undefined {
    return this.byId.get(signature);
  }
}

function splitHeaders(h: Uint8Array): RecordLayout | null {
  const headers: Uint8Array[] = [];
  const lengths: number[] = [];
  let p = 0;
  while (p < h.length) {
    const start = p;
    const dif = h[p++]!;
    let x = dif;
    while (x & 0x80 && p < h.length) x = h[p++]!;
    x = h[p++] ?? 0;
    while (x & 0x80 && p < h.length) x = h[p++]!;
    const n = DATA_LENGTH[dif & 0x0f]!;
    if (n < 0) return null;
    headers.push(h.slice(start, p));
    lengths.push(n);
  }
  return { headers, lengths };
}

/** Full records from compact data by a layout; null when the data length does not fit the layout. */
export function expand(layout: RecordLayout, b: Uint8Array, from: number, to: number): Uint8Array | null {
  const parts: Uint8Array[] = [];
  let p = from;
  for (const [i, h] of layout.headers.entries()) {
    const n = layout.lengths[i]!;
    if (p + n > to) return null;
    parts.push(h, b.subarray(p, p + n));
    p += n;
  }
  parts.push(b.subarray(p, to)); // anything after the layout (fillers, manufacturer data)
  return concat(parts);
}
