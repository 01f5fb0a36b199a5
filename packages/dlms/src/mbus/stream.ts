import type { Frame } from "@omdp/mbus";
import { DlmsError } from "../errors";
import { scanLongFrame, WRAPPED_L } from "./long-frame";
import { MbusDlmsAssembler } from "./segments";

export type MbusDlmsStreamEvent =
  | { readonly kind: "frame"; readonly frame: Frame; readonly wrappedLength?: number }
  | { readonly kind: "apdu"; readonly apdu: Uint8Array; readonly frames: number }
  | { readonly kind: "error"; readonly error: DlmsError };

/** The longest frame a wrapped L can describe: 255 + 256 * maxWraps bytes of user data, head and tail. */
export const MAX_MBUS_DLMS_FRAME = 255 + 256 * WRAPPED_L.maxWraps + WRAPPED_L.head + WRAPPED_L.tail;

/**
 * Incremental reader of DLMS over wired M-Bus for byte streams (a serial port hands over whatever the
 * UART buffered: a 263-byte T210-D frame arrives in several reads). Takes arbitrary chunks, skips bytes
 * before a start byte 0x68, reads frames with a declared or wrapped L (long-frame.ts), joins segments,
 * and resyncs one byte after a bad frame. Memory is bounded by one maximal frame.
 */
export class MbusDlmsStreamParser {
  private buf = new Uint8Array(0);
  /** Stream offset of buf[0], so errors point into the whole stream. */
  private base = 0;
  private readonly assembler = new MbusDlmsAssembler();
  /** Bytes dropped while searching for a frame (garbage, bad frames). */
  bytesSkipped = 0;
  framesOk = 0;

  push(chunk: Uint8Array): MbusDlmsStreamEvent[] {
    const events: MbusDlmsStreamEvent[] = [];
    const b = new Uint8Array(this.buf.length + chunk.length);
    b.set(this.buf);
    b.set(chunk, this.buf.length);
    let p = 0;
    while (p < b.length) {
      if (b[p] !== WRAPPED_L.start) {
        const next = b.indexOf(WRAPPED_L.start, p);
        const to = next < 0 ? b.length : next;
        this.bytesSkipped += to - p;
        p = to;
        continue;
      }
      const r = scanLongFrame(b, p);
      if (r.kind === "incomplete") break;
      if (r.kind === "bad") {
        events.push({ kind: "error", error: r.error.at(this.base) });
        this.bytesSkipped++;
        p++;
        continue;
      }
      this.framesOk++;
      const frame = copyFrame(r.frame);
      events.push({ kind: "frame", frame, ...(r.wrappedLength ? { wrappedLength: r.wrappedLength } : {}) });
      const out = this.assembler.push(frame, this.base + p);
      if (out instanceof DlmsError) events.push({ kind: "error", error: out });
      else if (out) events.push({ kind: "apdu", apdu: out, frames: this.assembler.lastFrames });
      p += r.length;
    }
    this.keep(b, p);
    return events;
  }

  private keep(b: Uint8Array, p: number): void {
    let from = p;
    if (b.length - from > MAX_MBUS_DLMS_FRAME) {
      this.bytesSkipped += b.length - from - MAX_MBUS_DLMS_FRAME;
      from = b.length - MAX_MBUS_DLMS_FRAME;
    }
    this.base += from;
    this.buf = b.slice(from);
  }
}

/** Frames handed out must not be views into the parser's buffer, which is replaced on the next push. */
function copyFrame(f: Frame): Frame {
  return f.kind === "long" ? { ...f, data: f.data.slice() } : f;
}
