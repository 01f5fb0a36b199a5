/**
 * IMST iM871A / iU891A USB sticks: the WMBus HCI framing (IMST "WMBus HCI Specification", the
 * host controller interface of the iM871A-USB). A message is
 *   SOF 0xA5 | control (bits 7..4: 0x80 CRC, 0x40 RSSI, 0x20 time stamp) + endpoint id (bits 3..0) |
 *   message id | length | payload | [time stamp, 4 bytes LE] | [RSSI, 1 byte] | [CRC16, 2 bytes LE]
 * The CRC is CRC-16/X.25 (reflected 0x8408, init 0xFFFF, complemented) over control field to RSSI
 * (the SOF excluded). A received radio frame is endpoint RADIOLINK (0x02), message
 * WMBUS_MSG_IND (0x03); its payload is the wM-Bus frame from the C-field on without L-field and
 * CRCs, so L = payload length. RSSI in dBm = 8/15 * raw - 380/3 (HCI spec, RSSI field).
 */
import { crc16x25 } from "@omdp/dlms";
import { concatBytes, MAX_MESSAGE, type ReceiverEvent, type ReceiverFraming } from "./receiver";

export const IM871A = {
  SOF: 0xa5,
  CRC_FLAG: 0x80,
  RSSI_FLAG: 0x40,
  TIME_FLAG: 0x20,
  RADIOLINK_ID: 0x02,
  WMBUS_MSG_IND: 0x03,
} as const;

/** Endpoint ids the HCI defines (DEVMGMT 1, RADIOLINK 2, RADIOLINKTEST 3, HWTEST 4). */
const ENDPOINTS = new Set([1, 2, 3, 4]);

export function im871aRssiDbm(raw: number): number {
  return Math.round(((8 / 15) * raw - 380 / 3) * 10) / 10;
}

export class Im871aFraming implements ReceiverFraming {
  private buf: Uint8Array = new Uint8Array(0);
  private base = 0;
  /** A message with a good CRC was seen: the stick attaches CRCs, so one without is a damaged header. */
  private sendsCrc = false;
  bytesSkipped = 0;

  constructor(private readonly linkMode?: string) {}

  reset(): void {
    this.base += this.buf.length;
    this.buf = new Uint8Array(0);
  }

  private drop(n: number, skipped: boolean): void {
    if (skipped) this.bytesSkipped += n;
    this.base += n;
    this.buf = this.buf.subarray(n);
  }

  /** Offset of the first later SOF that starts a complete message with the CRC flag and a good CRC, or -1. */
  private checkedMessageAfter(b: Uint8Array, before = b.length): number {
    for (
      let i = b.indexOf(IM871A.SOF, 1);
      i > 0 && i < before && i + 4 <= b.length;
      i = b.indexOf(IM871A.SOF, i + 1)
    ) {
      const control = b[i + 1]! & 0xf0;
      if (!(control & IM871A.CRC_FLAG) || !ENDPOINTS.has(b[i + 1]! & 0x0f)) continue;
      const total =
        4 + b[i + 3]! + (control & IM871A.TIME_FLAG ? 4 : 0) + (control & IM871A.RSSI_FLAG ? 1 : 0) + 2;
      if (i + total > b.length) continue;
      const sent = b[i + total - 2]! | (b[i + total - 1]! << 8);
      if (crc16x25(b, i + 1, i + total - 2) === sent) return i;
    }
    return -1;
  }

  push(chunk: Uint8Array): ReceiverEvent[] {
    this.buf = concatBytes(this.buf, chunk);
    const out: ReceiverEvent[] = [];
    for (let guard = 0; guard < MAX_MESSAGE * 4 && this.buf.length > 0; guard++) {
      const b = this.buf;
      if (b[0] !== IM871A.SOF) {
        const next = b.indexOf(IM871A.SOF);
        this.drop(next < 0 ? b.length : next, true);
        continue;
      }
      if (b.length < 4) break;
      const control = b[1]! & 0xf0;
      const endpoint = b[1]! & 0x0f;
      if (!ENDPOINTS.has(endpoint) || (control & 0x10) !== 0) {
        // HCI: no such endpoint or reserved control bit: not a message start
        this.drop(1, true);
        continue;
      }
      const len = b[3]!;
      const extra =
        (control & IM871A.TIME_FLAG ? 4 : 0) +
        (control & IM871A.RSSI_FLAG ? 1 : 0) +
        (control & IM871A.CRC_FLAG ? 2 : 0);
      const total = 4 + len + extra;
      if (b.length < total) {
        // a damaged length waits for bytes that belong to the next messages: give up on it when a
        // complete message with a good CRC starts inside it
        const next = this.checkedMessageAfter(b);
        if (next < 0) break;
        out.push({
          type: "error",
          code: "TRUNCATED",
          reason: `iM871A message of ${total} bytes cut short by a complete message at +${next}`,
          offset: this.base,
          expected: total,
          actual: next,
        });
        this.drop(next, true);
        continue;
      }
      const msg = b.subarray(0, total);
      const at = this.base;
      if (!(control & IM871A.CRC_FLAG) && this.sendsCrc) {
        out.push({
          type: "error",
          code: "CRC_MISMATCH",
          reason:
            "iM871A message without the CRC flag from a stick that attaches CRCs (damaged control field)",
          offset: at + 1,
          expected: IM871A.CRC_FLAG,
          actual: control,
        });
        this.drop(1, true);
        continue;
      }
      if (!(control & IM871A.CRC_FLAG)) {
        // nothing checks a message without CRC: a checked one starting inside it wins (a damaged header)
        const inner = this.checkedMessageAfter(b, total);
        if (inner > 0) {
          out.push({
            type: "error",
            code: "TRUNCATED",
            reason: `unchecked iM871A message of ${total} bytes overlaps a checked message at +${inner}`,
            offset: at,
            expected: total,
            actual: inner,
          });
          this.drop(inner, true);
          continue;
        }
      }
      if (control & IM871A.CRC_FLAG) {
        const computed = crc16x25(msg, 1, total - 2);
        const sent = msg[total - 2]! | (msg[total - 1]! << 8);
        if (computed !== sent) {
          out.push({
            type: "error",
            code: "CRC_MISMATCH",
            reason: "iM871A HCI CRC16 over control field to RSSI does not match",
            offset: at + total - 2,
            expected: computed,
            actual: sent,
          });
          // resynchronise on the next SOF after this one
          this.drop(1, true);
          continue;
        }
      }
      if (control & IM871A.CRC_FLAG) this.sendsCrc = true;
      this.drop(total, false);
      if (endpoint !== IM871A.RADIOLINK_ID || msg[2] !== IM871A.WMBUS_MSG_IND) {
        out.push({ type: "other", what: `HCI endpoint ${endpoint} message 0x${msg[2]!.toString(16)}` });
        continue;
      }
      const frame = new Uint8Array(len + 1);
      frame[0] = len;
      frame.set(msg.subarray(4, 4 + len), 1);
      let p = 4 + len + (control & IM871A.TIME_FLAG ? 4 : 0);
      const rssi = control & IM871A.RSSI_FLAG ? msg[p++] : undefined;
      out.push({
        type: "frame",
        frame,
        ...(rssi !== undefined ? { rssiDbm: im871aRssiDbm(rssi) } : {}),
        ...(this.linkMode ? { linkMode: this.linkMode } : {}),
      });
    }
    return out;
  }
}

/** An iM871A WMBUS_MSG_IND of a frame (L-field first, without CRCs), as the stick sends it. */
export function im871aMessage(
  frame: Uint8Array,
  opts: { rssiRaw?: number; timestamp?: number; crc?: boolean } = {},
): Uint8Array {
  const payload = frame.subarray(1);
  const crc = opts.crc ?? true;
  const control =
    (crc ? IM871A.CRC_FLAG : 0) |
    (opts.rssiRaw !== undefined ? IM871A.RSSI_FLAG : 0) |
    (opts.timestamp !== undefined ? IM871A.TIME_FLAG : 0) |
    IM871A.RADIOLINK_ID;
  const parts: number[] = [IM871A.SOF, control, IM871A.WMBUS_MSG_IND, payload.length, ...payload];
  if (opts.timestamp !== undefined) {
    const t = opts.timestamp >>> 0;
    parts.push(t & 0xff, (t >>> 8) & 0xff, (t >>> 16) & 0xff, t >>> 24);
  }
  if (opts.rssiRaw !== undefined) parts.push(opts.rssiRaw & 0xff);
  const out = Uint8Array.from(crc ? [...parts, 0, 0] : parts);
  if (crc) {
    const c = crc16x25(out, 1, out.length - 2);
    out[out.length - 2] = c & 0xff;
    out[out.length - 1] = c >> 8;
  }
  return out;
}
