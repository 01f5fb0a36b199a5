import { APDU_TAG } from "./apdu/tags";
import { type AxdrInput, encodeData } from "./axdr/encode";
import { encodeLength } from "./axdr/length";
import { type DateTimeInput, encodeDateTime } from "./cosem/datetime";
import { parseObis } from "./cosem/obis";
import { DLMS_UNITS } from "./cosem/units";
import { LLC_RESPONSE } from "./hdlc/assemble";
import { encodeHdlcFrame, type HdlcEncodeOptions } from "./hdlc/frame";
import { concatBytes } from "./hex";

type NumericType =
  | "integer"
  | "long"
  | "double-long"
  | "long64"
  | "unsigned"
  | "long-unsigned"
  | "double-long-unsigned"
  | "long64-unsigned"
  | "enum";

export interface NotificationValue {
  /** Logical name, `1.0.1.8.0.255` or `1-0:1.8.0`. */
  readonly obis: string;
  /** A number (in its unit, already scaled) or a text (sent as an octet string). */
  readonly value: number | string;
  /** Decimal exponent of the scaler_unit; the raw value sent is value / 10^scaler, rounded. */
  readonly scaler?: number;
  /** DLMS unit code or its text (`Wh`, `W`, `V`, `A`, ...). Without it no scaler_unit is sent. */
  readonly unit?: number | string;
  /** A-XDR type of the raw number (default: double-long-unsigned, or double-long when negative). */
  readonly type?: NumericType;
}

export interface DataNotificationInput {
  readonly invokeId: number;
  readonly dateTime?: DateTimeInput;
  readonly values: readonly NotificationValue[];
  /** Sent last without a logical name, as the Kaifa MA309M does with the meter number. */
  readonly meterNumber?: string;
  /** Repeat the date-time as the first element of the structure (Kaifa MA309M: yes). Default true. */
  readonly clockInBody?: boolean;
}

const UNIT_CODE = new Map<string, number>();
for (const [code, text] of Object.entries(DLMS_UNITS))
  if (!UNIT_CODE.has(text)) UNIT_CODE.set(text, Number(code));

function unitCode(u: number | string): number {
  if (typeof u === "number") return u;
  const c = UNIT_CODE.get(u);
  if (c === undefined) throw new RangeError(`unknown unit ${u}`);
  return c;
}

function valueData(v: NotificationValue): AxdrInput[] {
  const obis = parseObis(v.obis);
  if (!obis) throw new RangeError(`bad logical name ${v.obis}`);
  const out: AxdrInput[] = [{ type: "octet-string", bytes: obis }];
  if (typeof v.value === "string") {
    out.push({ type: "octet-string", bytes: new TextEncoder().encode(v.value) });
    return out;
  }
  const scaler = v.scaler ?? 0;
  const raw = Math.round(scaler >= 0 ? v.value / 10 ** scaler : v.value * 10 ** -scaler);
  const type: NumericType = v.type ?? (raw < 0 ? "double-long" : "double-long-unsigned");
  out.push({ type, value: type.startsWith("long64") ? BigInt(raw) : raw });
  if (v.unit !== undefined) {
    out.push({
      type: "structure",
      items: [
        { type: "integer", value: scaler },
        { type: "enum", value: unitCode(v.unit) },
      ],
    });
  }
  return out;
}

/**
 * Builds a data-notification laid out like the Kaifa MA309M (Netz NÖ, Salzburg): header date-time, then
 * one flat structure: the date-time again, `OBIS, value, {scaler, unit}` per value, the meter number last.
 */
export function encodeDataNotification(input: DataNotificationInput): Uint8Array {
  const dt = input.dateTime ? encodeDateTime(input.dateTime) : undefined;
  const items: AxdrInput[] = [];
  if (dt && input.clockInBody !== false) items.push({ type: "octet-string", bytes: dt });
  for (const v of input.values) items.push(...valueData(v));
  if (input.meterNumber !== undefined) {
    items.push({ type: "octet-string", bytes: new TextEncoder().encode(input.meterNumber) });
  }
  const body = encodeData({ type: "structure", items });
  const id = input.invokeId >>> 0;
  const head = Uint8Array.of(
    APDU_TAG.dataNotification,
    id >>> 24,
    (id >>> 16) & 0xff,
    (id >>> 8) & 0xff,
    id & 0xff,
  );
  return concatBytes([head, dt ? concatBytes([Uint8Array.of(12), dt]) : Uint8Array.of(0), body]);
}

export interface HdlcPushOptions extends Omit<HdlcEncodeOptions, "segmented"> {
  /** Information bytes per frame (default 2030: one frame when it fits). */
  readonly maxInfo?: number;
  /** `segments`: S bit (IEC 62056-46 6.4.4.1); `gbt`: general-block-transfer blocks, one per frame. */
  readonly mode?: "segments" | "gbt";
  /** Prefix the LLC header E6 E7 00 (default true). */
  readonly llc?: boolean;
}

/** Frames an APDU for HDLC (byte-exact, deterministic). */
export function encodeHdlcPush(apdu: Uint8Array, opts: HdlcPushOptions = {}): Uint8Array[] {
  const max = opts.maxInfo ?? 2030;
  if (!Number.isInteger(max) || max < 16 || max > 2030) throw new RangeError("maxInfo must be 16..2030");
  const llc = opts.llc === false ? new Uint8Array(0) : Uint8Array.from(LLC_RESPONSE);
  const frame = (info: Uint8Array, segmented: boolean) => encodeHdlcFrame(info, { ...opts, segmented });
  if (opts.mode === "gbt") {
    const size = max - 12; // room for LLC, block header and length
    const count = Math.max(1, Math.ceil(apdu.length / size));
    const frames: Uint8Array[] = [];
    for (let i = 0; i < count; i++) {
      const data = apdu.subarray(i * size, (i + 1) * size);
      const last = i === count - 1;
      const n = i + 1;
      const block = concatBytes([
        Uint8Array.of(APDU_TAG.generalBlockTransfer, last ? 0xc0 : 0x40, n >> 8, n & 0xff, 0, 0),
        Uint8Array.from(encodeLength(data.length)),
        data,
      ]);
      frames.push(frame(i === 0 ? concatBytes([llc, block]) : block, false));
    }
    return frames;
  }
  const payload = concatBytes([llc, apdu]);
  const count = Math.max(1, Math.ceil(payload.length / max));
  const frames: Uint8Array[] = [];
  for (let i = 0; i < count; i++) frames.push(frame(payload.subarray(i * max, (i + 1) * max), i < count - 1));
  return frames;
}
