/**
 * SML transport v1 (SML 1.04 §8.1): a file starts with the escape 1B1B1B1B and 01010101, ends with
 * 1B1B1B1B 1A, the padding count and the CRC16 over everything before it (escapes included). Four 1B
 * bytes inside the data are escaped by repeating them; the data is padded with 00 to a multiple of 4,
 * so escapes sit at offsets divisible by 4 from the start (as libsml reads them, 4 bytes at a time).
 */
import { CRC_VARIANTS, type CrcVariant, crc16x25, swap16 } from "./crc";
import { SmlError } from "./errors";

export const ESCAPE = Uint8Array.of(0x1b, 0x1b, 0x1b, 0x1b);
export const START = Uint8Array.of(0x01, 0x01, 0x01, 0x01);
const END_MARK = 0x1a;

export interface TransportFrame {
  /** Offset of the start escape in the input. */
  readonly start: number;
  /** Offset just after the file (after its CRC). */
  readonly end: number;
  /** The message data, unescaped, padding removed. */
  readonly data: Uint8Array;
  /** For each data byte, its offset in the input (for error evidence). */
  readonly wireOffset: (dataIndex: number) => number;
  readonly padding: number;
  readonly crc: { readonly wire: number; readonly variant: CrcVariant };
}

function isEscape(b: Uint8Array, i: number): boolean {
  return i + 4 <= b.length && b[i] === 0x1b && b[i + 1] === 0x1b && b[i + 2] === 0x1b && b[i + 3] === 0x1b;
}

function findStart(b: Uint8Array): number {
  for (let i = 0; i + 8 <= b.length; i++) {
    if (isEscape(b, i) && b[i + 4] === 1 && b[i + 5] === 1 && b[i + 6] === 1 && b[i + 7] === 1) return i;
  }
  throw new SmlError("NO_START", "no start escape 1B1B1B1B 01010101", { offset: 0 });
}

/** Where a stretch of the unescaped data starts (data index) and the input offset it came from. */
interface Segment {
  readonly data: number;
  readonly wire: number;
}

/**
 * Finds and unescapes the first file in `b`. `crcVariants` are the accepted non-standard CRCs. Plain
 * stretches are copied whole (one copy per stretch between escapes); each escaped 1B1B1B1B adds one
 * segment, so data offsets map back to input offsets for error evidence.
 */
export function readTransport(b: Uint8Array, crcVariants: readonly CrcVariant[] = []): TransportFrame {
  const start = findStart(b);
  // the unescaped data is never longer than the input after the start escape
  const out = new Uint8Array(b.length - start);
  const segments: Segment[] = [];
  let n = 0;
  let i = start + 8;
  let run = i;
  // Bounded: every turn consumes 4 or 8 bytes of the input.
  for (;;) {
    if (i + 4 > b.length) throw new SmlError("NO_END", "file ends before the end escape", { offset: i });
    if (b[i] !== 0x1b || !isEscape(b, i)) {
      i += 4;
      continue;
    }
    if (i > run) {
      // the plain stretch before this escape, copied whole
      segments.push({ data: n, wire: run });
      out.set(b.subarray(run, i), n);
      n += i - run;
    }
    if (i + 8 > b.length) throw new SmlError("NO_END", "escape sequence cut short", { offset: i });
    if (isEscape(b, i + 4)) {
      segments.push({ data: n, wire: i });
      out.fill(0x1b, n, n + 4);
      n += 4;
      i += 8;
      run = i;
      continue;
    }
    if (b[i + 4] !== END_MARK) {
      throw new SmlError("BAD_ESCAPE", "escape sequence neither end, nor escaped 1B", {
        offset: i + 4,
        actual: b[i + 4]!,
        field: "escape",
      });
    }
    const data = out.subarray(0, n);
    return finish(b, start, i, data, wireOffsets(segments, n, i), crcVariants);
  }
}

/** Data index to input offset; indexes outside the data map to the end escape. */
function wireOffsets(segments: readonly Segment[], length: number, esc: number): (d: number) => number {
  return (d) => {
    if (!(d >= 0 && d < length)) return esc;
    let k = segments.length - 1;
    while (k > 0 && segments[k]!.data > d) k--;
    const s = segments[k]!;
    return s.wire + (d - s.data);
  };
}

function finish(
  b: Uint8Array,
  start: number,
  esc: number,
  out: Uint8Array,
  wireOffset: (d: number) => number,
  crcVariants: readonly CrcVariant[],
): TransportFrame {
  const padding = b[esc + 5]!;
  const wire = (b[esc + 6]! << 8) | b[esc + 7]!;
  const variant = checkFileCrc(b, start, esc + 6, wire, crcVariants);
  if (padding > 3 || padding > out.length) {
    throw new SmlError("BAD_PADDING", "padding count out of range", {
      offset: esc + 5,
      actual: padding,
      field: "padding",
    });
  }
  for (let k = out.length - padding; k < out.length; k++) {
    if (out[k] !== 0) {
      throw new SmlError("BAD_PADDING", "padding byte is not 00", {
        offset: wireOffset(k),
        actual: out[k]!,
        field: "padding",
      });
    }
  }
  const data = out.subarray(0, out.length - padding);
  return { start, end: esc + 8, data, wireOffset, padding, crc: { wire, variant } };
}

/** Which CRC variant matches the file; a typed error naming the matching quirk, if any, otherwise. */
export function checkFileCrc(
  b: Uint8Array,
  start: number,
  crcAt: number,
  wire: number,
  accepted: readonly CrcVariant[],
): CrcVariant {
  const x25 = crc16x25(b, start, crcAt);
  const expected = swap16(x25); // CRC_VARIANTS.standard, from the one X.25 pass
  if (wire === expected) return "standard";
  const other = matchingVariant(b, start, crcAt, wire, x25);
  if (other !== undefined && accepted.includes(other)) return other;
  throw new SmlError(
    "FILE_CRC_MISMATCH",
    other === undefined
      ? "file CRC mismatch"
      : `file CRC mismatch (matches the ${other} variant, a known quirk)`,
    { offset: crcAt, expected: hex16(expected), actual: hex16(wire), field: "file crc" },
  );
}

/**
 * The non-standard variant the wire CRC matches, if any. `x25` is crc16x25 of the same bytes when the
 * caller has it (the swapped variant is that value as it stands: CRC_VARIANTS.swapped).
 */
export function matchingVariant(
  b: Uint8Array,
  s: number,
  e: number,
  wire: number,
  x25 = crc16x25(b, s, e),
): CrcVariant | undefined {
  if (x25 === wire) return "swapped";
  if (CRC_VARIANTS.kermit(b, s, e) === wire) return "kermit";
  return undefined;
}

export const hex16 = (v: number): string => v.toString(16).toUpperCase().padStart(4, "0");
