import { checksum, decodeFrame, type Frame, type MbusError } from "@omdp/mbus";
import { DlmsError } from "../errors";

/**
 * Long frames as DLMS push meters really send them. EN 13757-2 5.4 gives L one byte (at most 255 bytes
 * from C to the end of the data), yet the Sagemcom T210-D (Netz NÖ, Austria) sends 257 bytes of user
 * data in its first frame and writes L modulo 256 (`68 01 01 68`, a frame of 263 bytes; see
 * test/fixtures/transport/mbus_sagemcom_t210d_netz_noe_wrapped_l.json); a meter with exactly 256 bytes
 * writes `68 00 00 68`. Readers that accept these (esphome-dlms-meter, AmsToMqttBridge) take the length
 * from elsewhere. Here the length is taken from the frame's own structure, never guessed: the declared L
 * first, then L + 256, L + 512: the first with its stop byte 0x16 in place, whose checksum (EN 13757-2 5.4,
 * sum of C..data modulo 256) must then match. The link layer of well-formed frames stays @omdp/mbus.
 */
export const WRAPPED_L = {
  /** L + 256 * k for k = 1..maxWraps (user data of up to 767 bytes; the T210-D needs k = 1). */
  maxWraps: 2,
  start: 0x68,
  stop: 0x16,
  /** Bytes before C (68 L L 68) and after the data (CS 16). */
  head: 4,
  tail: 2,
} as const;

export type LongFrameScan =
  | {
      readonly kind: "frame";
      readonly frame: Frame;
      readonly length: number;
      readonly wrappedLength?: number;
    }
  /** The frame may still be complete once more bytes arrive (stream readers wait; buffers fail). */
  | { readonly kind: "incomplete"; readonly error: DlmsError }
  | { readonly kind: "bad"; readonly error: DlmsError };

/**
 * Looks at one frame at `offset`: the declared L through @omdp/mbus, then a wrapped L. `bad` carries
 * the @omdp/mbus evidence for the declared L (offset, field, expected vs computed).
 */
export function scanLongFrame(bytes: Uint8Array, offset: number): LongFrameScan {
  const declared = decodeFrame(bytes, offset);
  if (declared.ok) return { kind: "frame", frame: declared.value.frame, length: declared.value.length };
  const error = fromMbusError(declared.error);
  if (declared.error.code === "TRUNCATED") return { kind: "incomplete", error };
  const wrapped = findWrappedLength(bytes, offset);
  if (wrapped === "incomplete") return { kind: "incomplete", error };
  if (wrapped === undefined) return { kind: "bad", error };
  if (wrapped instanceof DlmsError) return { kind: "bad", error: wrapped };
  const frame: Frame = {
    kind: "long",
    control: bytes[offset + 4]!,
    address: bytes[offset + 5]!,
    ci: bytes[offset + 6]!,
    data: bytes.subarray(offset + WRAPPED_L.head + 3, offset + WRAPPED_L.head + wrapped),
  };
  return { kind: "frame", frame, length: wrapped + WRAPPED_L.head + WRAPPED_L.tail, wrappedLength: wrapped };
}

/**
 * The user-data length L + 256k (k >= 1) of a frame: the first candidate with the stop byte 0x16 in
 * its place decides, a checksum that does not match there is a typed error with expected vs computed;
 * "incomplete" when the bytes end before a candidate was decided; undefined when none has a stop byte.
 */
export function findWrappedLength(
  bytes: Uint8Array,
  offset: number,
): number | DlmsError | "incomplete" | undefined {
  const l = bytes[offset + 1]!;
  const isHeader =
    bytes[offset] === WRAPPED_L.start && bytes[offset + 2] === l && bytes[offset + 3] === WRAPPED_L.start;
  if (!isHeader) return undefined;
  for (let k = 1; k <= WRAPPED_L.maxWraps; k++) {
    const n = l + 256 * k;
    const csAt = offset + WRAPPED_L.head + n;
    if (csAt + 1 >= bytes.length) return "incomplete";
    if (bytes[csAt + 1] !== WRAPPED_L.stop) continue;
    const cs = checksum(bytes, offset + WRAPPED_L.head, csAt);
    if (bytes[csAt] === cs) return n;
    return new DlmsError(
      "MBUS_FRAME",
      "mbus",
      `M-Bus frame with L wrapped to ${n} bytes: checksum of C..data`,
      {
        offset: csAt,
        field: "checksum",
        expected: cs,
        actual: bytes[csAt]!,
      },
    );
  }
  return undefined;
}

/** An @omdp/mbus link error in this package's error type (same offset, field and evidence). */
export function fromMbusError(e: MbusError, base = 0): DlmsError {
  return new DlmsError("MBUS_FRAME", "mbus", `M-Bus frame: ${e.code}: ${e.reason}`, {
    offset: e.offset + base,
    field: e.field,
    expected: e.expected,
    actual: e.actual,
  });
}
