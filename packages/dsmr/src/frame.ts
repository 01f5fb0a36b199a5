/**
 * P1 telegram framing (P1 Companion Standard 5.0.2 §6.2): `/MMMZ Ident CR LF CR LF data lines ! CRC CR LF`.
 * MMM is the manufacturer's FLAG id, Z the baud rate character (5 = 115200 in DSMR 4/5), and the CRC
 * (four hex digits, CRC-16/ARC over `/` up to and including `!`) is absent in DSMR 2.2 and 3.
 */
import { crc16, formatCrc } from "./crc16";
import { DsmrError } from "./errors";

export interface DsmrHeader {
  /** FLAG manufacturer id, e.g. ISK, KFM, FLU. */
  readonly manufacturer: string;
  /** Baud rate character: 5 = 115200 (DSMR 4/5); DSMR 2.2/3 meters send 9600 7E1. */
  readonly baudChar: string;
  /** The identification after the baud character, e.g. `\2M550T-1012`. */
  readonly ident: string;
}

export interface DsmrCrc {
  readonly transmitted: number;
  readonly computed: number;
}

export interface FrameLine {
  readonly text: string;
  /** Offset of the line's first character from the `/`. */
  readonly offset: number;
}

export interface DsmrFrame {
  readonly header: DsmrHeader;
  readonly lines: readonly FrameLine[];
  /** null where the telegram carries no CRC (DSMR 2.2/3). */
  readonly crc: DsmrCrc | null;
  /** Offset of the `/` in the input and of the first byte after the CRC. */
  readonly start: number;
  readonly end: number;
}

const SLASH = 0x2f;
const BANG = 0x21;
const HEADER = /^\/([A-Za-z]{3})(\d)(.*)$/;
const CRC_FIELD = /^[0-9A-Fa-f]{4}$/;

/** Find the telegram in `bytes`, check the header and the CRC (CRC_MISMATCH carries both values). */
export function decodeFrame(bytes: Uint8Array): DsmrFrame {
  const start = bytes.indexOf(SLASH);
  if (start < 0) throw new DsmrError("NO_HEADER", "no '/' starts a telegram", { offset: 0 });
  const bang = bytes.indexOf(BANG, start);
  if (bang < 0) throw new DsmrError("NO_END", "no '!' ends the telegram", { offset: bytes.length });
  const text = latin1(bytes, start, bang);
  const crcEnd = crcFieldEnd(bytes, bang + 1);
  const crcText = latin1(bytes, bang + 1, crcEnd);
  const crc = checkCrc(bytes, start, bang, crcText);
  const { header, bodyStart } = parseHeader(text);
  return { header, lines: splitLines(text, bodyStart), crc, start, end: crcEnd };
}

function crcFieldEnd(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length && i < from + 8 && bytes[i] !== 0x0d && bytes[i] !== 0x0a) i++;
  return i;
}

function checkCrc(bytes: Uint8Array, start: number, bang: number, crcText: string): DsmrCrc | null {
  if (crcText === "") return null;
  if (!CRC_FIELD.test(crcText)) {
    throw new DsmrError("BAD_CRC_FIELD", `CRC field "${crcText}" is not four hex digits`, {
      offset: bang + 1 - start,
      actual: crcText,
    });
  }
  const transmitted = Number.parseInt(crcText, 16);
  const computed = crc16(bytes, start, bang + 1);
  if (transmitted !== computed) {
    throw new DsmrError("CRC_MISMATCH", "telegram CRC-16 does not match its content", {
      offset: bang + 1 - start,
      field: "crc",
      expected: formatCrc(transmitted),
      actual: formatCrc(computed),
    });
  }
  return { transmitted, computed };
}

function parseHeader(text: string): { header: DsmrHeader; bodyStart: number } {
  const eol = firstEol(text);
  const line = text.slice(0, eol);
  const m = HEADER.exec(line);
  if (m === null) {
    throw new DsmrError("BAD_HEADER", `header "${line.slice(0, 40)}" is not /XXXZident`, {
      offset: 0,
      actual: line.slice(0, 40),
    });
  }
  return {
    header: { manufacturer: m[1] as string, baudChar: m[2] as string, ident: m[3] as string },
    bodyStart: eol,
  };
}

function firstEol(text: string): number {
  const cr = text.indexOf("\r");
  const lf = text.indexOf("\n");
  const ends = [cr, lf].filter((i) => i >= 0);
  return ends.length === 0 ? text.length : Math.min(...ends);
}

/**
 * Data lines; empty lines skipped; a line that starts with `(` continues the previous one (the DSMR 3
 * gas capture writes its value on the next line). A line ends at CR or LF; its text is trimmed of
 * white space (as String.prototype.trim: TAB, LF, VT, FF, CR, space, NBSP in Latin-1), its offset is
 * where the raw line starts. One scan over the characters, no intermediate copies.
 */
function splitLines(text: string, from: number): FrameLine[] {
  const out: FrameLine[] = [];
  const n = text.length;
  let i = from;
  while (i <= n) {
    let e = i;
    while (e < n && !isLineEnd(text.charCodeAt(e))) e++;
    let s = i;
    let t = e;
    while (s < t && isSpace(text.charCodeAt(s))) s++;
    while (t > s && isSpace(text.charCodeAt(t - 1))) t--;
    if (t > s) {
      const prev = out[out.length - 1];
      if (text.charCodeAt(s) === OPEN && prev !== undefined)
        out[out.length - 1] = { text: prev.text + text.slice(s, t), offset: prev.offset };
      else out.push({ text: text.slice(s, t), offset: i });
    }
    i = e + 1;
  }
  return out;
}

const OPEN = 0x28;

function isLineEnd(c: number): boolean {
  return c === 0x0d || c === 0x0a;
}

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0;
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("latin1");
}
