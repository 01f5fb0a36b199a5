import { encodeFrame, type Frame } from "@omdp/mbus";
import { DlmsError } from "../errors";
import { concatBytes } from "../hex";
import { scanLongFrame } from "./long-frame";

export { fromMbusError } from "./long-frame";

/**
 * DLMS/COSEM over wired M-Bus as European push meters send it (EN 13757-2 long frames; DLMS UA
 * "wired M-Bus communication profile", IEC 62056-7-6): every frame is `68 L L 68 C A CI STSAP DTSAP
 * segment 16`; CI 0x00-0x1F carries the transport segmentation: bit 4 (0x10) marks the last segment,
 * the low nibble numbers the segments from 0. STSAP 0x01 / DTSAP 0x67 open every segment and are
 * dropped before joining. The link layer itself is @omdp/mbus (no second frame parser here).
 */
export const MBUS_DLMS = {
  control: 0x53,
  address: 0xff,
  maxCi: 0x1f,
  lastSegment: 0x10,
  sequenceMask: 0x0f,
  stsap: 0x01,
  dtsap: 0x67,
  /** APDU bytes per frame the Kaifa MA309M uses (L = 0xFA). */
  defaultSegment: 245,
} as const;

/** A long frame that carries a DLMS segment (CI 0x00-0x1F and the TSAP pair 01 67). */
export function isDlmsSegment(frame: Frame): boolean {
  return (
    frame.kind === "long" &&
    frame.ci <= MBUS_DLMS.maxCi &&
    frame.data.length >= 2 &&
    frame.data[0] === MBUS_DLMS.stsap &&
    frame.data[1] === MBUS_DLMS.dtsap
  );
}

/**
 * Joins DLMS segments from consecutive long frames. `push` returns the joined APDU when the last segment
 * arrived, undefined while more are due, or a DlmsError (returned, not thrown) for a frame that is not a
 * DLMS segment or arrives out of order; after an error it waits for a segment 0 again.
 */
export class MbusDlmsAssembler {
  private parts: Uint8Array[] = [];
  private expected = 0;
  /** Frames of the last APDU returned. */
  lastFrames = 0;

  reset(): void {
    this.parts = [];
    this.expected = 0;
  }

  push(frame: Frame, offset = 0): Uint8Array | DlmsError | undefined {
    if (frame.kind !== "long" || !isDlmsSegment(frame)) return notDlms(frame, offset);
    const seq = frame.ci & MBUS_DLMS.sequenceMask;
    if (seq === 0) this.reset();
    if (seq !== this.expected) {
      const expected = this.expected;
      this.reset();
      return new DlmsError("MBUS_SEGMENT", "mbus", `segment ${seq} out of order`, {
        offset,
        field: "CI segment number",
        expected,
        actual: seq,
      });
    }
    this.parts.push(frame.data.slice(2));
    this.expected++;
    if ((frame.ci & MBUS_DLMS.lastSegment) === 0) {
      if (this.expected > MBUS_DLMS.sequenceMask) {
        this.reset();
        return new DlmsError("MBUS_SEGMENT", "mbus", "more than 16 segments without a last one", {
          offset,
          field: "CI",
          expected: "last-segment bit",
        });
      }
      return undefined;
    }
    const apdu = concatBytes(this.parts);
    this.lastFrames = this.parts.length;
    this.reset();
    return apdu;
  }
}

function notDlms(frame: Frame, offset: number): DlmsError {
  const message = "not a DLMS segment (needs a long frame with CI 0x00-0x1F and TSAPs 01 67)";
  if (frame.kind !== "long") {
    return new DlmsError("MBUS_NOT_DLMS", "mbus", message, {
      offset,
      field: "frame",
      expected: "long",
      actual: frame.kind,
    });
  }
  if (frame.ci > MBUS_DLMS.maxCi) {
    return new DlmsError("MBUS_NOT_DLMS", "mbus", message, {
      offset,
      field: "CI",
      expected: "0x00..0x1f",
      actual: frame.ci,
    });
  }
  return new DlmsError("MBUS_NOT_DLMS", "mbus", message, {
    offset,
    field: "STSAP/DTSAP",
    expected: "01 67",
    actual: Array.from(frame.data.subarray(0, 2), (b) => b.toString(16).padStart(2, "0")).join(" "),
  });
}

export interface MbusPushOptions {
  /** APDU bytes per frame (default 245, as the Kaifa MA309M; at most 250). */
  readonly maxSegment?: number;
  readonly control?: number;
  readonly address?: number;
}

/** Splits an APDU into long frames ready to send (byte-exact, deterministic). */
export function encodeMbusPush(apdu: Uint8Array, opts: MbusPushOptions = {}): Uint8Array[] {
  const size = opts.maxSegment ?? MBUS_DLMS.defaultSegment;
  if (!Number.isInteger(size) || size < 1 || size > 250) throw new RangeError("maxSegment must be 1..250");
  const count = Math.max(1, Math.ceil(apdu.length / size));
  if (count > 16) throw new RangeError(`APDU of ${apdu.length} bytes needs ${count} segments (max 16)`);
  const frames: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const seg = apdu.subarray(i * size, (i + 1) * size);
    const ci = (i === count - 1 ? MBUS_DLMS.lastSegment : 0) | i;
    frames.push(
      encodeFrame({
        kind: "long",
        control: opts.control ?? MBUS_DLMS.control,
        address: opts.address ?? MBUS_DLMS.address,
        ci,
        data: concatBytes([Uint8Array.of(MBUS_DLMS.stsap, MBUS_DLMS.dtsap), seg]),
      }),
    );
  }
  return frames;
}

/**
 * Reads back-to-back long frames from one buffer (an L that wrapped past 255 is read by the frame's
 * structure, see long-frame.ts) and joins their segments. Throws DlmsError.
 */
export function readMbusPush(bytes: Uint8Array): { apdu: Uint8Array; frames: number } {
  const asm = new MbusDlmsAssembler();
  let p = 0;
  while (p < bytes.length) {
    const r = scanLongFrame(bytes, p);
    if (r.kind !== "frame") throw r.error;
    const out = asm.push(r.frame, p);
    p += r.length;
    if (out instanceof DlmsError) throw out;
    if (out) {
      if (p !== bytes.length) {
        throw new DlmsError("APDU_TRAILING", "mbus", "bytes after the last segment", {
          offset: p,
          field: "frames",
          expected: bytes.length,
          actual: p,
        });
      }
      return { apdu: out, frames: asm.lastFrames };
    }
  }
  throw new DlmsError("MBUS_SEGMENT", "mbus", "the last segment (CI bit 0x10) is missing", {
    offset: bytes.length,
    field: "CI",
    expected: "last-segment bit",
  });
}
