/**
 * EN 13757-4:2019 clause 12.6 (frame format A) and 12.7 (frame format B): the blocks of a frame and
 * their CRCs (crc.ts). Receivers hand frames over with or without the CRCs (most sticks strip them and
 * send format A); both are accepted, and the CRCs are checked where present and then removed.
 *   Format A: L counts the bytes after it without CRCs. Block 1 = L C M A (10 bytes) + CRC; then blocks
 *             of 16 bytes + CRC; the last block holds the rest + CRC.
 *   Format B: L counts every byte after it, CRCs included. Block 1 (10 bytes) and block 2 (up to 116
 *             bytes) share one CRC at bytes 126-127; a block 3 (the rest) has its own CRC at the end.
 */
import { fail, hex4, ok, type WmbusResult } from "../errors";
import { crc16 } from "./crc";

export type FrameFormat = "A" | "B";

export interface BlockOptions {
  /** Frame format; "auto" (default): A, or B where the length and B's CRCs say so. */
  format?: FrameFormat | "auto";
  /** Whether CRCs are in the bytes; "auto" (default) decides by the length (and B's CRCs). */
  crc?: "present" | "absent" | "auto";
}

export interface Blocks {
  format: FrameFormat;
  /** CRCs were present (and checked). */
  crc: boolean;
  /** The frame from the L-field on, CRCs removed; data[0] is the L of format A (bytes after it). */
  data: Uint8Array;
}

/** clause 12.6.1: number of CRC-protected blocks of a format A frame with this L. */
export function blocksA(l: number): number {
  return 1 + Math.ceil(Math.max(0, l - 9) / 16);
}

/** Wire length of a format A frame with CRCs. */
export function wireLengthA(l: number): number {
  return l + 1 + 2 * blocksA(l);
}

/** clause 12.7.1: CRCs of a format B frame whose L (CRCs included) is `l`. */
export function crcsB(l: number): number {
  return l + 1 > 128 ? 2 : 1;
}

function badCrc<T>(block: number, at: number, sent: number, computed: number): WmbusResult<T> {
  return fail("BAD_CRC", `block ${block} CRC ${hex4(sent)} does not match the computed ${hex4(computed)}`, {
    offset: at,
    expected: hex4(sent),
    actual: hex4(computed),
    field: `block ${block} CRC`,
  });
}

function stripA(b: Uint8Array): WmbusResult<Blocks> {
  const l = b[0]!;
  const out = new Uint8Array(l + 1);
  let src = 0;
  let dst = 0;
  const n = blocksA(l);
  for (let k = 0; k < n; k++) {
    const len = k === 0 ? 10 : Math.min(16, l + 1 - dst);
    const sent = (b[src + len]! << 8) | b[src + len + 1]!;
    const computed = crc16(b, src, src + len);
    if (sent !== computed) return badCrc(k + 1, src + len, sent, computed);
    out.set(b.subarray(src, src + len), dst);
    src += len + 2;
    dst += len;
  }
  return ok({ format: "A", crc: true, data: out });
}

/** Format B CRCs check out (b.length === L + 1). */
function checkB(b: Uint8Array): WmbusResult<Blocks> {
  const l = b[0]!;
  if (l < 12)
    return fail("BAD_LENGTH", `format B L ${l} leaves no room for a CRC`, { offset: 0, field: "L" });
  const first = crcsB(l) === 1 ? l - 1 : 126;
  const sent1 = (b[first]! << 8) | b[first + 1]!;
  const c1 = crc16(b, 0, first);
  if (sent1 !== c1) return badCrc(2, first, sent1, c1);
  const parts = [b.subarray(0, first)];
  if (crcsB(l) === 2) {
    const sent2 = (b[l - 1]! << 8) | b[l]!;
    const c2 = crc16(b, 128, l - 1);
    if (sent2 !== c2) return badCrc(3, l - 1, sent2, c2);
    parts.push(b.subarray(128, l - 1));
  }
  const size = parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  out[0] = size - 1; // the L of format A: bytes after it, no CRCs
  return ok({ format: "B", crc: true, data: out });
}

/** The frame's bytes without CRCs (checked where present), or a typed error with the evidence. */
export function readBlocks(b: Uint8Array, opts: BlockOptions = {}): WmbusResult<Blocks> {
  if (b.length < 11) {
    return fail("TRUNCATED", `a frame needs at least 11 bytes (L C M A CI), got ${b.length}`, {
      offset: b.length,
      expected: 11,
      actual: b.length,
    });
  }
  const l = b[0]!;
  // clause 12.5.1: L counts at least C, M, A and the CI (10 bytes)
  if (l < 10) {
    return fail("BAD_LENGTH", `L ${l} is below the 10 bytes of C, M, A and CI`, {
      offset: 0,
      expected: ">= 10",
      actual: l,
      field: "L",
    });
  }
  const format = opts.format ?? "auto";
  const crc = opts.crc ?? "auto";
  if (format !== "B" && crc !== "absent" && b.length === wireLengthA(l)) return stripA(b);
  if (b.length === l + 1) {
    if (format === "B" || (format === "auto" && crc !== "absent" && checkB(b).ok)) return checkB(b);
    if (crc === "present" && format === "A") {
      return fail("BAD_LENGTH", `L ${l} with CRCs needs ${wireLengthA(l)} bytes, got ${b.length}`, {
        offset: 0,
        expected: wireLengthA(l),
        actual: b.length,
        field: "L",
      });
    }
    return ok({ format: "A", crc: false, data: b });
  }
  return fail("BAD_LENGTH", `L ${l} does not fit ${b.length} bytes (with or without CRCs)`, {
    offset: 0,
    expected: `${l + 1} or ${wireLengthA(l)}`,
    actual: b.length,
    field: "L",
  });
}

/** Format A wire bytes: inserts a CRC after each block of `data` (L-field on, no CRCs). */
export function addCrcsA(data: Uint8Array): Uint8Array {
  const l = data[0]!;
  const out = new Uint8Array(wireLengthA(l));
  let src = 0;
  let dst = 0;
  for (let k = 0; k < blocksA(l); k++) {
    const len = k === 0 ? 10 : Math.min(16, l + 1 - src);
    out.set(data.subarray(src, src + len), dst);
    const c = crc16(data, src, src + len);
    out[dst + len] = c >> 8;
    out[dst + len + 1] = c & 0xff;
    src += len;
    dst += len + 2;
  }
  return out;
}

/** Format B wire bytes from `data` (L-field on, no CRCs; data[0] is ignored and rewritten). */
export function addCrcsB(data: Uint8Array): Uint8Array {
  const body = data.length;
  const total = body + 2 <= 128 ? body + 2 : body + 4;
  const out = new Uint8Array(total);
  out.set(data, 0);
  out[0] = total - 1;
  if (total <= 128) {
    const c = crc16(out, 0, body);
    out[body] = c >> 8;
    out[body + 1] = c & 0xff;
    return out;
  }
  const c1 = crc16(out, 0, 126);
  out.copyWithin(128, 126, body);
  out.set(data.subarray(126), 128);
  out[126] = c1 >> 8;
  out[127] = c1 & 0xff;
  const c2 = crc16(out, 128, total - 2);
  out[total - 2] = c2 >> 8;
  out[total - 1] = c2 & 0xff;
  return out;
}
