/**
 * P1 byte stream to whole telegrams: serial ports and TCP bridges hand over arbitrary chunks. A plain
 * telegram runs from `/` to the line end after `!` (and its CRC); a Smarty frame from 0xDB for the
 * length its header gives. Bytes outside a telegram are skipped and counted; a telegram that grows past
 * maxBytes without an end is dropped with a TOO_LONG event (bounded memory, every loop bounded).
 */
import { SMARTY_TAG } from "./smarty";

export type P1StreamEvent =
  | { readonly type: "telegram"; readonly bytes: Uint8Array; readonly encrypted: boolean }
  | { readonly type: "dropped"; readonly reason: "TOO_LONG"; readonly bytes: number };

export interface P1StreamStats {
  telegrams: number;
  dropped: number;
  bytesSkipped: number;
  bytesIn: number;
}

const SLASH = 0x2f;
const BANG = 0x21;
const CR = 0x0d;
const LF = 0x0a;
/** `!` then at most 4 CRC characters before the line end. */
const CRC_FIELD_MAX = 4;

export class P1StreamParser {
  readonly stats: P1StreamStats = { telegrams: 0, dropped: 0, bytesSkipped: 0, bytesIn: 0 };
  private buf: Buffer = Buffer.alloc(0);

  constructor(private readonly maxBytes = 16_384) {}

  push(chunk: Uint8Array): P1StreamEvent[] {
    this.stats.bytesIn += chunk.length;
    this.buf = this.buf.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buf, chunk]);
    const events: P1StreamEvent[] = [];
    // each pass consumes at least one byte or stops: bounded by the buffer length
    for (let guard = this.buf.length + 1; guard > 0 && this.buf.length > 0; guard--) {
      this.skipToStart();
      const end = this.buf.length === 0 ? -1 : this.frameEnd();
      if (end > 0) {
        events.push(this.take(end));
        continue;
      }
      if (this.buf.length > this.maxBytes) {
        events.push({ type: "dropped", reason: "TOO_LONG", bytes: this.buf.length });
        this.stats.dropped++;
        this.buf = this.buf.subarray(1);
        continue;
      }
      break;
    }
    return events;
  }

  private skipToStart(): void {
    let i = 0;
    while (i < this.buf.length && this.buf[i] !== SLASH && this.buf[i] !== SMARTY_TAG) i++;
    this.stats.bytesSkipped += i;
    this.buf = this.buf.subarray(i);
  }

  /** Length of the complete telegram at the buffer start, or -1 while incomplete. */
  private frameEnd(): number {
    if (this.buf[0] === SMARTY_TAG) {
      if (this.buf.length < 13) return -1;
      const total = 13 + this.buf.readUInt16BE(11);
      return this.buf.length >= total ? total : -1;
    }
    const bang = this.buf.indexOf(BANG);
    if (bang < 0) return -1;
    for (let i = bang + 1; i < this.buf.length && i <= bang + 1 + CRC_FIELD_MAX; i++) {
      if (this.buf[i] === LF) return i + 1;
      if (this.buf[i] === CR) {
        if (i + 1 === this.buf.length) return -1; // wait: the LF may be in the next chunk
        return this.buf[i + 1] === LF ? i + 2 : i + 1;
      }
    }
    // no line end within the CRC field: complete once the field is full, else wait
    return this.buf.length > bang + 1 + CRC_FIELD_MAX ? bang + 1 + CRC_FIELD_MAX : -1;
  }

  private take(end: number): P1StreamEvent {
    const bytes = new Uint8Array(this.buf.subarray(0, end));
    this.buf = this.buf.subarray(end);
    this.stats.telegrams++;
    return { type: "telegram", bytes, encrypted: bytes[0] === SMARTY_TAG };
  }
}
