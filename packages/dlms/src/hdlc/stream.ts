import { DlmsError } from "../errors";
import { HdlcApduAssembler } from "./assemble";
import { HDLC_FLAG, HDLC_FORMAT_TYPE, type HdlcFrame, readHdlcFrame } from "./frame";

export type HdlcStreamEvent =
  | { readonly kind: "frame"; readonly frame: HdlcFrame }
  | { readonly kind: "apdu"; readonly apdu: Uint8Array; readonly frames: number; readonly blocks: number }
  | { readonly kind: "error"; readonly error: DlmsError };

/** The longest frame the 11-bit length allows, flags included. */
const MAX_FRAME = 0x7ff + 2;

/**
 * Incremental HDLC reader for byte streams (P1/HAN ports): takes arbitrary chunks, finds flags, skips
 * garbage and fill flags, verifies HCS/FCS, resyncs one byte after a bad frame, and joins segments and
 * block transfers into APDUs. Memory is bounded by one maximal frame.
 */
export class HdlcStreamParser {
  private buf = new Uint8Array(0);
  private readonly assembler = new HdlcApduAssembler();
  /** Bytes dropped while searching for a frame (garbage, bad frames). */
  bytesSkipped = 0;
  framesOk = 0;

  push(chunk: Uint8Array): HdlcStreamEvent[] {
    const events: HdlcStreamEvent[] = [];
    const joined = new Uint8Array(this.buf.length + chunk.length);
    joined.set(this.buf);
    joined.set(chunk, this.buf.length);
    let p = 0;
    const b = joined;
    while (p < b.length) {
      if (b[p] !== HDLC_FLAG) {
        const next = b.indexOf(HDLC_FLAG, p);
        const to = next < 0 ? b.length : next;
        this.bytesSkipped += to - p;
        p = to;
        continue;
      }
      // Fill: consecutive flags between frames (IEC 62056-46 6.4.2).
      if (p + 1 < b.length && b[p + 1] === HDLC_FLAG) {
        p++;
        continue;
      }
      if (p + 3 > b.length) break;
      if (b[p + 1]! >> 4 !== HDLC_FORMAT_TYPE) {
        // A closing flag followed by garbage, or garbage that happens to be 7E: not an error by itself.
        p++;
        this.bytesSkipped++;
        continue;
      }
      const size = (((b[p + 1]! & 0x07) << 8) | b[p + 2]!) + 2;
      if (p + size > b.length) break;
      const decoded = tryFrame(b, p);
      if (decoded instanceof DlmsError) {
        events.push({ kind: "error", error: decoded });
        p++;
        this.bytesSkipped++;
        continue;
      }
      this.framesOk++;
      events.push({ kind: "frame", frame: decoded.frame });
      const r = this.assembler.push(decoded.frame);
      if (!r.ok) events.push({ kind: "error", error: r.error });
      else if (r.value) events.push({ kind: "apdu", ...r.value });
      p = decoded.next; // the closing flag may open the next frame
    }
    this.buf = joined.slice(p);
    if (this.buf.length > MAX_FRAME) {
      this.bytesSkipped += this.buf.length - MAX_FRAME;
      this.buf = this.buf.slice(this.buf.length - MAX_FRAME);
    }
    return events;
  }
}

function tryFrame(b: Uint8Array, p: number): ReturnType<typeof readHdlcFrame> | DlmsError {
  try {
    return readHdlcFrame(b, p);
  } catch (e) {
    if (e instanceof DlmsError) return e;
    throw e;
  }
}
