/**
 * rtl_wmbus (xaelsouth/rtl-wmbus, an RTL-SDR receiver) text output, one frame a line, as its README
 * documents the columns and wmbusmeters reads them:
 *   MODE;CRC_OK;3OUTOF6OK;TIMESTAMP;PACKET_RSSI;CURRENT_RSSI;LINK_LAYER_IDENT_NO;DATAGRAM_WITHOUT_CRC_BYTES
 * e.g. `T1;1;1;2019-02-09 07:14:18.000;117;102;94643069;0x2E44...`. The datagram is hex (0x prefix)
 * from the L-field on with the block CRCs removed and L adjusted. A line whose CRC_OK (or, in T1,
 * 3OUTOF6OK) is not 1 was damaged on the air and is refused as `RECEIVER_CRC`.
 */
import { MAX_MESSAGE, type ReceiverEvent, type ReceiverFraming } from "./receiver";

const MAX_LINE = MAX_MESSAGE * 2 + 128;
const MODES = new Set(["T1", "C1", "S1", "T2", "C2", "S2", "N1"]);

export class RtlWmbusFraming implements ReceiverFraming {
  private text = "";
  private base = 0;
  bytesSkipped = 0;
  private readonly decoder = new TextDecoder("latin1");

  reset(): void {
    this.base += this.text.length;
    this.text = "";
  }

  push(chunk: Uint8Array): ReceiverEvent[] {
    this.text += this.decoder.decode(chunk);
    const out: ReceiverEvent[] = [];
    for (let guard = 0; guard < 10_000; guard++) {
      const nl = this.text.indexOf("\n");
      if (nl < 0) {
        if (this.text.length > MAX_LINE) {
          out.push({
            type: "error",
            code: "TOO_LONG",
            reason: `rtl_wmbus line over ${MAX_LINE} characters without an end`,
            offset: this.base,
          });
          this.bytesSkipped += this.text.length;
          this.reset();
        }
        break;
      }
      const line = this.text.slice(0, nl).replace(/\r$/, "");
      const at = this.base;
      this.base += nl + 1;
      this.text = this.text.slice(nl + 1);
      if (line.trim() === "") continue;
      out.push(parseLine(line, at));
    }
    return out;
  }
}

function bad(line: string, at: number, reason: string): ReceiverEvent {
  return { type: "error", code: "BAD_LINE", reason: `${reason}: ${line.slice(0, 40)}`, offset: at };
}

/** One rtl_wmbus line (columns per its README). */
export function parseLine(line: string, at = 0): ReceiverEvent {
  const cols = line.split(";");
  if (cols.length !== 8) return bad(line, at, `${cols.length} columns, rtl_wmbus prints 8`);
  const [mode, crcOk, sixOk, , packetRssi, , , datagram] = cols as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (!MODES.has(mode)) return bad(line, at, `mode ${mode} is not a wM-Bus link mode`);
  if (crcOk !== "1" || (mode === "T1" && sixOk !== "1"))
    return {
      type: "error",
      code: "RECEIVER_CRC",
      reason: `rtl_wmbus reports CRC_OK ${crcOk}, 3OUTOF6OK ${sixOk}`,
      offset: at,
      expected: "1;1",
      actual: `${crcOk};${sixOk}`,
    };
  const hex = datagram.trim().replace(/^0x/i, "");
  if (hex.length < 2 || hex.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(hex))
    return bad(line, at, "the datagram is not hex");
  const frame = Uint8Array.from(Buffer.from(hex, "hex"));
  const rssi = Number(packetRssi);
  return {
    type: "frame",
    frame,
    linkMode: mode,
    ...(Number.isFinite(rssi) && packetRssi !== "" ? { rssiDbm: rssi } : {}),
  };
}

/** The line rtl_wmbus prints for a frame (L-field first, without CRCs). */
export function rtlWmbusLine(
  frame: Uint8Array,
  opts: { mode?: string; at?: Date; rssi?: number } = {},
): string {
  const t = (opts.at ?? new Date()).toISOString().replace("T", " ").replace("Z", "");
  const rssi = opts.rssi ?? 100;
  return `${opts.mode ?? "T1"};1;1;${t};${rssi};${rssi};0;0x${Buffer.from(frame).toString("hex").toUpperCase()}\n`;
}
