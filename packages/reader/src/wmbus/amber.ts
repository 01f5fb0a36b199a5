/**
 * Amber / Würth Elektronik AMB8465 (and AMB8665/AMB3665) USB sticks in command mode (Amber
 * "AMB8465-M / AMB8665-M wM-Bus module" user manual, UART command interface): a received frame is
 *   0xFF | CMD_DATA_IND 0x03 | length | payload | [RSSI, when RSSI_Enable is set] | checksum
 * where the checksum is the XOR of every byte from the 0xFF to the one before it and the payload is the
 * wM-Bus frame from the C-field on (no L-field, no CRCs), so L = length. RSSI in dBm (the manual's
 * conversion): raw >= 128 ? (raw - 256) / 2 - 74 : raw / 2 - 74. Answers to commands (0x80 | command)
 * carry no RSSI and are reported as `other`.
 */
import { concatBytes, MAX_MESSAGE, type ReceiverEvent, type ReceiverFraming } from "./receiver";

export const AMBER = { SOF: 0xff, CMD_DATA_IND: 0x03 } as const;

export function amberRssiDbm(raw: number): number {
  return raw >= 128 ? (raw - 256) / 2 - 74 : raw / 2 - 74;
}

function xor(b: Uint8Array, end: number): number {
  let c = 0;
  for (let i = 0; i < end; i++) c ^= b[i]!;
  return c;
}

export class AmberFraming implements ReceiverFraming {
  private buf: Uint8Array = new Uint8Array(0);
  private base = 0;
  bytesSkipped = 0;

  constructor(private readonly opts: { rssi: boolean; linkMode?: string }) {}

  reset(): void {
    this.base += this.buf.length;
    this.buf = new Uint8Array(0);
  }

  private drop(n: number, skipped: boolean): void {
    if (skipped) this.bytesSkipped += n;
    this.base += n;
    this.buf = this.buf.subarray(n);
  }

  /** Offset of the first later FF 03 that starts a complete data indication with a good checksum, or -1. */
  private checkedMessageAfter(b: Uint8Array): number {
    for (let i = b.indexOf(AMBER.SOF, 1); i > 0 && i + 3 <= b.length; i = b.indexOf(AMBER.SOF, i + 1)) {
      if (b[i + 1] !== AMBER.CMD_DATA_IND) continue;
      const total = 4 + b[i + 2]! + (this.opts.rssi ? 1 : 0);
      if (i + total > b.length) continue;
      if (xor(b.subarray(i), total - 1) === b[i + total - 1]) return i;
    }
    return -1;
  }

  push(chunk: Uint8Array): ReceiverEvent[] {
    this.buf = concatBytes(this.buf, chunk);
    const out: ReceiverEvent[] = [];
    for (let guard = 0; guard < MAX_MESSAGE * 4 && this.buf.length > 0; guard++) {
      const b = this.buf;
      if (b[0] !== AMBER.SOF) {
        const next = b.indexOf(AMBER.SOF);
        this.drop(next < 0 ? b.length : next, true);
        continue;
      }
      if (b.length < 3) break;
      const cmd = b[1]!;
      const indication = cmd === AMBER.CMD_DATA_IND;
      const rssiLen = indication && this.opts.rssi ? 1 : 0;
      const total = 4 + b[2]! + rssiLen;
      if (b.length < total) {
        // a damaged length: give up on it when a complete data indication with a good checksum starts inside
        const next = this.checkedMessageAfter(b);
        if (next < 0) break;
        out.push({
          type: "error",
          code: "TRUNCATED",
          reason: `AMB8465 message of ${total} bytes cut short by a complete message at +${next}`,
          offset: this.base,
          expected: total,
          actual: next,
        });
        this.drop(next, true);
        continue;
      }
      const at = this.base;
      const computed = xor(b, total - 1);
      if (computed !== b[total - 1]) {
        out.push({
          type: "error",
          code: "CHECKSUM_MISMATCH",
          reason: "AMB8465 XOR checksum from 0xFF to the byte before it does not match",
          offset: at + total - 1,
          expected: computed,
          actual: b[total - 1]!,
        });
        this.drop(1, true);
        continue;
      }
      const msg = b.subarray(0, total);
      this.drop(total, false);
      if (!indication) {
        out.push({ type: "other", what: `AMB8465 command 0x${cmd.toString(16)}` });
        continue;
      }
      const len = msg[2]!;
      const frame = new Uint8Array(len + 1);
      frame[0] = len;
      frame.set(msg.subarray(3, 3 + len), 1);
      out.push({
        type: "frame",
        frame,
        ...(rssiLen ? { rssiDbm: amberRssiDbm(msg[3 + len]!) } : {}),
        ...(this.opts.linkMode ? { linkMode: this.opts.linkMode } : {}),
      });
    }
    return out;
  }
}

/** An AMB8465 CMD_DATA_IND of a frame (L-field first, without CRCs), as the stick sends it. */
export function amberMessage(frame: Uint8Array, opts: { rssiRaw?: number } = {}): Uint8Array {
  const payload = frame.subarray(1);
  const parts = [AMBER.SOF, AMBER.CMD_DATA_IND, payload.length, ...payload];
  if (opts.rssiRaw !== undefined) parts.push(opts.rssiRaw & 0xff);
  const out = Uint8Array.from([...parts, 0]);
  out[out.length - 1] = xor(out, out.length - 1);
  return out;
}
