/**
 * EN 13757-2 clause 5 link layer frames (IEC 60870-5-1 format class FT 1.2):
 *   single character  E5
 *   short frame       10 C A CS 16
 *   control frame     68 03 03 68 C A CI CS 16
 *   long frame        68 L L 68 C A CI data CS 16        (L = bytes from C to the end of data)
 */
import { type DecodeResult, fail, hex2, MbusError, ok } from "../errors";
import { checksum } from "./checksum";
import { BYTE } from "./control";

export type Frame =
  | { kind: "ack" }
  | { kind: "short"; control: number; address: number }
  | { kind: "control"; control: number; address: number; ci: number }
  | { kind: "long"; control: number; address: number; ci: number; data: Uint8Array };

export interface DecodedFrame {
  frame: Frame;
  /** Bytes the frame occupies in the input, from its start byte to its stop byte. */
  length: number;
}

/** Largest L field: one byte (EN 13757-2 clause 5.4), so at most 252 bytes of user data after C A CI. */
export const MAX_L = 255;
/** Smallest L of a control/long frame: C, A and CI. */
export const MIN_L = 3;
const ACK_FRAME: Frame = Object.freeze({ kind: "ack" }) as Frame;

/**
 * Decodes one frame that starts at `offset`. Bytes after the frame are not looked at; `length` says where
 * the next frame starts. The `data` of a long frame is a view into `bytes` (no copy).
 */
export function decodeFrame(bytes: Uint8Array, offset = 0): DecodeResult<DecodedFrame> {
  const avail = bytes.length - offset;
  if (avail <= 0) return fail("TRUNCATED", "no bytes", { offset, expected: 1, actual: 0, field: "start" });
  const start = bytes[offset]!;
  if (start === BYTE.ACK) return ok({ frame: ACK_FRAME, length: 1 });

  if (start === BYTE.SHORT_START) {
    // clause 5.4: short frame, fixed length 5
    if (avail < 5)
      return fail("TRUNCATED", "short frame needs 5 bytes", { offset, expected: 5, actual: avail });
    const control = bytes[offset + 1]!;
    const address = bytes[offset + 2]!;
    const cs = (control + address) & 0xff;
    if (bytes[offset + 3] !== cs)
      return fail("BAD_CHECKSUM", "short frame checksum", {
        offset: offset + 3,
        expected: cs,
        actual: bytes[offset + 3]!,
        field: "checksum",
      });
    if (bytes[offset + 4] !== BYTE.STOP)
      return fail("BAD_STOP", `stop byte must be ${hex2(BYTE.STOP)}`, {
        offset: offset + 4,
        expected: BYTE.STOP,
        actual: bytes[offset + 4]!,
        field: "stop",
      });
    return ok({ frame: { kind: "short", control, address }, length: 5 });
  }

  if (start === BYTE.LONG_START) {
    // clause 5.4: 68 L L 68 header; both L fields equal, second start byte 68
    if (avail < 4)
      return fail("TRUNCATED", "long frame header needs 4 bytes", { offset, expected: 4, actual: avail });
    const l = bytes[offset + 1]!;
    if (bytes[offset + 2] !== l)
      return fail("LENGTH_MISMATCH", "the two L fields differ", {
        offset: offset + 2,
        expected: l,
        actual: bytes[offset + 2]!,
        field: "L",
      });
    if (bytes[offset + 3] !== BYTE.LONG_START)
      return fail("BAD_SECOND_START", `second start byte must be ${hex2(BYTE.LONG_START)}`, {
        offset: offset + 3,
        expected: BYTE.LONG_START,
        actual: bytes[offset + 3]!,
        field: "start2",
      });
    if (l < MIN_L)
      return fail("BAD_LENGTH", "L must count at least C, A and CI", {
        offset: offset + 1,
        expected: MIN_L,
        actual: l,
        field: "L",
      });
    const total = l + 6;
    if (avail < total)
      return fail("TRUNCATED", "long frame shorter than its L field says", {
        offset,
        expected: total,
        actual: avail,
        field: "L",
      });
    const csAt = offset + 4 + l;
    const cs = checksum(bytes, offset + 4, csAt);
    if (bytes[csAt] !== cs)
      return fail("BAD_CHECKSUM", "checksum of C..data", {
        offset: csAt,
        expected: cs,
        actual: bytes[csAt]!,
        field: "checksum",
      });
    if (bytes[csAt + 1] !== BYTE.STOP)
      return fail("BAD_STOP", `stop byte must be ${hex2(BYTE.STOP)}`, {
        offset: csAt + 1,
        expected: BYTE.STOP,
        actual: bytes[csAt + 1]!,
        field: "stop",
      });
    const control = bytes[offset + 4]!;
    const address = bytes[offset + 5]!;
    const ci = bytes[offset + 6]!;
    if (l === MIN_L) return ok({ frame: { kind: "control", control, address, ci }, length: total });
    const data = bytes.subarray(offset + 7, csAt);
    return ok({ frame: { kind: "long", control, address, ci, data }, length: total });
  }

  return fail("BAD_START", "not a frame start byte (E5, 10 or 68)", {
    offset,
    actual: start,
    field: "start",
  });
}

/** Decodes a buffer that must hold exactly one frame (no bytes after it). */
export function decodeSingleFrame(bytes: Uint8Array): DecodeResult<DecodedFrame> {
  const r = decodeFrame(bytes, 0);
  if (r.ok && r.value.length !== bytes.length)
    return fail("TRAILING_BYTES", "bytes after the stop byte", {
      offset: r.value.length,
      expected: r.value.length,
      actual: bytes.length,
    });
  return r;
}

/** Encodes a frame; throws MbusError("ENCODE") on a field out of range or data longer than 252 bytes. */
export function encodeFrame(frame: Frame): Uint8Array {
  switch (frame.kind) {
    case "ack":
      return Uint8Array.of(BYTE.ACK);
    case "short": {
      checkByte(frame.control, "control");
      checkByte(frame.address, "address");
      return Uint8Array.of(
        BYTE.SHORT_START,
        frame.control,
        frame.address,
        (frame.control + frame.address) & 0xff,
        BYTE.STOP,
      );
    }
    case "control":
    case "long": {
      checkByte(frame.control, "control");
      checkByte(frame.address, "address");
      checkByte(frame.ci, "ci");
      const data = frame.kind === "long" ? frame.data : new Uint8Array(0);
      const l = MIN_L + data.length;
      if (l > MAX_L)
        throw new MbusError("ENCODE", "user data too long for one frame", {
          offset: 0,
          expected: MAX_L - MIN_L,
          actual: data.length,
          field: "data",
        });
      const out = new Uint8Array(l + 6);
      out[0] = BYTE.LONG_START;
      out[1] = l;
      out[2] = l;
      out[3] = BYTE.LONG_START;
      out[4] = frame.control;
      out[5] = frame.address;
      out[6] = frame.ci;
      out.set(data, 7);
      out[7 + data.length] = checksum(out, 4, 7 + data.length);
      out[8 + data.length] = BYTE.STOP;
      return out;
    }
  }
}

function checkByte(v: number, field: string): void {
  if (!Number.isInteger(v) || v < 0 || v > 0xff)
    throw new MbusError("ENCODE", `${field} must be a byte`, { offset: 0, actual: String(v), field });
}
