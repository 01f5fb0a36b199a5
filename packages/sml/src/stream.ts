/**
 * SML byte stream to whole files (SML 1.04 §8.1, transport v1): an optical head or a TCP bridge hands
 * over arbitrary chunks. A file runs from the start escape `1B1B1B1B 01010101` to the end escape
 * `1B1B1B1B 1A` and its 3 bytes (padding count, CRC); escapes sit at 4-byte steps from the start, a
 * doubled escape is data. Bytes outside a file are skipped and counted; a file cut by a new start, a
 * bad escape or one that grows past maxBytes is dropped with its reason (bounded memory and loops).
 * The file CRC and the messages are checked by decodeSml, not here.
 */
export type SmlStreamEvent =
  | { readonly type: "file"; readonly bytes: Uint8Array }
  | {
      readonly type: "dropped";
      readonly reason: "TOO_LONG" | "RESTARTED" | "BAD_ESCAPE";
      readonly bytes: number;
    };

export interface SmlStreamStats {
  files: number;
  dropped: number;
  bytesSkipped: number;
  bytesIn: number;
}

const ESC = 0x1b;

function isEscape(b: Uint8Array, i: number): boolean {
  return b[i] === ESC && b[i + 1] === ESC && b[i + 2] === ESC && b[i + 3] === ESC;
}

function isStart(b: Uint8Array, i: number): boolean {
  return isEscape(b, i) && b[i + 4] === 1 && b[i + 5] === 1 && b[i + 6] === 1 && b[i + 7] === 1;
}

export class SmlStreamParser {
  readonly stats: SmlStreamStats = { files: 0, dropped: 0, bytesSkipped: 0, bytesIn: 0 };
  private buf: Buffer = Buffer.alloc(0);
  /** How far (from the buffer start, a multiple of 4 past the start sequence) the file was scanned. */
  private scanned = 8;

  constructor(private readonly maxBytes = 16_384) {}

  reset(): void {
    this.buf = Buffer.alloc(0);
    this.scanned = 8;
  }

  push(chunk: Uint8Array): SmlStreamEvent[] {
    this.stats.bytesIn += chunk.length;
    this.buf = this.buf.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buf, chunk]);
    const events: SmlStreamEvent[] = [];
    // each pass takes a file, drops bytes, or stops: bounded by the buffer length
    for (let guard = this.buf.length + 1; guard > 0; guard--) {
      if (!this.sync()) break;
      const r = this.scan();
      if (r === "wait") {
        if (this.buf.length > this.maxBytes) this.drop(events, "TOO_LONG", this.buf.length);
        else break;
      } else if (r.kind === "end") {
        events.push({ type: "file", bytes: new Uint8Array(this.buf.subarray(0, r.at)) });
        this.stats.files++;
        this.advance(r.at);
      } else this.drop(events, r.reason, r.at);
    }
    return events;
  }

  /** Moves the buffer to the next start sequence; false while none is complete. */
  private sync(): boolean {
    let i = 0;
    for (; i + 8 <= this.buf.length; i++) if (isStart(this.buf, i)) break;
    if (i + 8 > this.buf.length) {
      // keep a possible start cut by the chunk boundary (at most 7 bytes)
      const keep = Math.min(7, this.buf.length);
      this.stats.bytesSkipped += this.buf.length - keep;
      this.buf = this.buf.subarray(this.buf.length - keep);
      this.scanned = 8;
      return false;
    }
    if (i > 0) {
      this.stats.bytesSkipped += i;
      this.advance(i);
    }
    return true;
  }

  private scan():
    | "wait"
    | { kind: "end"; at: number }
    | { kind: "drop"; reason: "RESTARTED" | "BAD_ESCAPE"; at: number } {
    const b = this.buf;
    let i = this.scanned;
    for (; i + 4 <= b.length; i += 4) {
      if (!isEscape(b, i)) continue;
      if (i + 8 > b.length) break;
      if (isEscape(b, i + 4)) {
        i += 4; // an escaped 1B1B1B1B in the data
        continue;
      }
      if (b[i + 4] === 0x1a) return { kind: "end", at: i + 8 };
      if (isStart(b, i)) return { kind: "drop", reason: "RESTARTED", at: i };
      return { kind: "drop", reason: "BAD_ESCAPE", at: i + 8 };
    }
    this.scanned = i;
    return "wait";
  }

  private drop(events: SmlStreamEvent[], reason: "TOO_LONG" | "RESTARTED" | "BAD_ESCAPE", n: number): void {
    events.push({ type: "dropped", reason, bytes: n });
    this.stats.dropped++;
    // TOO_LONG: rescan from the byte after the start that never ended
    this.advance(reason === "TOO_LONG" ? 1 : n);
  }

  private advance(n: number): void {
    this.buf = this.buf.subarray(n);
    this.scanned = 8;
  }
}
