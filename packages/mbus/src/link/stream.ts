/**
 * Incremental frame synchronisation on an M-Bus byte stream (EN 13757-2 clause 5.4; the receiver rules
 * of IEC 60870-5-1/-2: a frame is accepted only when start, L, L, start, checksum and stop all agree).
 *
 * Arbitrary chunks go in (one byte at a time or many frames at once); frames and typed errors come out.
 * Garbage between frames is skipped and reported once per run. After any failed check (length, checksum,
 * stop byte) the parser resynchronises from the byte after the failed start byte, never by the length the
 * failed header claimed: `68 FE FE 68` inside garbage is a false start, and skipping its 260 claimed bytes
 * would swallow the valid frames behind it. A consistent header still holds the bytes behind it until its
 * claimed length has arrived (at most 261 bytes), as a frame can only be judged once it is complete.
 */
import { MbusError } from "../errors";
import { BYTE } from "./control";
import { decodeFrame, type Frame } from "./frame";

export type FrameEvent =
  | { type: "frame"; frame: Frame; raw: Uint8Array; offset: number }
  | { type: "error"; error: MbusError; skipped: number };

export interface FrameParserStats {
  framesOk: number;
  checksumErrors: number;
  lengthErrors: number;
  otherErrors: number;
  resyncs: number;
  bytesSkipped: number;
  bytesIn: number;
}

const INITIAL_CAPACITY = 1024;

function isStart(b: number): boolean {
  return b === BYTE.LONG_START || b === BYTE.SHORT_START || b === BYTE.ACK;
}

export class FrameParser {
  private buf = new Uint8Array(INITIAL_CAPACITY);
  private start = 0;
  private end = 0;
  /** Stream offset of buf[0]. */
  private base = 0;
  private readonly _stats: FrameParserStats = {
    framesOk: 0,
    checksumErrors: 0,
    lengthErrors: 0,
    otherErrors: 0,
    resyncs: 0,
    bytesSkipped: 0,
    bytesIn: 0,
  };

  get stats(): Readonly<FrameParserStats> {
    return this._stats;
  }

  /** Bytes held back waiting for the rest of a frame. */
  get pending(): number {
    return this.end - this.start;
  }

  push(chunk: Uint8Array): FrameEvent[] {
    this.append(chunk);
    this._stats.bytesIn += chunk.length;
    const events: FrameEvent[] = [];
    this.scan(events, false);
    return events;
  }

  /** End of stream: whatever is left cannot become a frame; report it and resync through it. */
  flush(): FrameEvent[] {
    const events: FrameEvent[] = [];
    this.scan(events, true);
    this.start = 0;
    this.end = 0;
    return events;
  }

  /** Drops everything buffered (e.g. after a line reset); counts it as skipped. */
  reset(): void {
    this._stats.bytesSkipped += this.end - this.start;
    this.base += this.end;
    this.start = 0;
    this.end = 0;
  }

  private append(chunk: Uint8Array): void {
    const used = this.end - this.start;
    if (this.end + chunk.length > this.buf.length) {
      if (used + chunk.length <= this.buf.length) {
        this.buf.copyWithin(0, this.start, this.end);
      } else {
        const next = new Uint8Array(Math.max(this.buf.length * 2, used + chunk.length));
        next.set(this.buf.subarray(this.start, this.end), 0);
        this.buf = next;
      }
      this.base += this.start;
      this.start = 0;
      this.end = used;
    }
    this.buf.set(chunk, this.end);
    this.end += chunk.length;
  }

  private scan(events: FrameEvent[], final: boolean): void {
    const buf = this.buf;
    const view = buf.subarray(0, this.end);
    let pos = this.start;
    while (pos < this.end) {
      // skip garbage up to the next possible start byte
      if (!isStart(buf[pos]!)) {
        const from = pos;
        while (pos < this.end && !isStart(buf[pos]!)) pos++;
        this.skip(events, from, pos - from, "BAD_START", "garbage before a frame start byte");
        continue;
      }
      const r = decodeFrame(view, pos);
      if (r.ok) {
        const len = r.value.length;
        const raw = buf.slice(pos, pos + len);
        events.push({ type: "frame", frame: rebase(r.value.frame, raw), raw, offset: this.base + pos });
        this._stats.framesOk++;
        pos += len;
        continue;
      }
      const err = r.error;
      if (err.code === "TRUNCATED" && !final) break; // wait for more bytes
      // EN 13757-2 (frame formats after IEC 60870-5-1 FT 1.2): a frame is valid only when start, L, L,
      // start, checksum and stop all agree, and an invalid one is discarded. Its L is then no evidence of
      // where the next frame starts (a false start `68 FE FE 68` claims 260 bytes that may hold valid
      // frames), so the scan resumes at the byte after this start byte.
      const drop = 1;
      if (err.code === "BAD_CHECKSUM") this._stats.checksumErrors++;
      else if (err.code === "BAD_LENGTH" || err.code === "LENGTH_MISMATCH" || err.code === "TRUNCATED")
        this._stats.lengthErrors++;
      else this._stats.otherErrors++;
      this._stats.resyncs++;
      this._stats.bytesSkipped += drop;
      events.push({ type: "error", error: rebaseError(err, this.base), skipped: drop });
      pos += drop;
    }
    this.start = pos;
    if (this.start === this.end) {
      this.base += this.end;
      this.start = 0;
      this.end = 0;
    }
  }

  private skip(events: FrameEvent[], from: number, n: number, code: "BAD_START", msg: string): void {
    this._stats.bytesSkipped += n;
    this._stats.resyncs++;
    events.push({
      type: "error",
      error: new MbusError(code, msg, { offset: this.base + from, actual: n, field: "start" }),
      skipped: n,
    });
  }
}

/** Re-points a long frame's data view at the frame's own copy of the bytes. */
function rebase(frame: Frame, raw: Uint8Array): Frame {
  if (frame.kind !== "long") return frame;
  return { ...frame, data: raw.subarray(7, raw.length - 2) };
}

/** Errors from decodeFrame carry buffer offsets; events carry stream offsets. */
function rebaseError(err: MbusError, base: number): MbusError {
  if (base === 0) return err;
  const details: ConstructorParameters<typeof MbusError>[2] = { offset: err.offset + base };
  if (err.expected !== undefined) details.expected = err.expected;
  if (err.actual !== undefined) details.actual = err.actual;
  if (err.field !== undefined) details.field = err.field;
  return new MbusError(err.code, err.reason, details);
}
