/**
 * The encoder (for round trips and the simulator): messages to an SML file with its per-message CRCs,
 * escaping, padding and file CRC. `crcVariant` other than "standard" writes a quirky meter's file.
 */
import { CRC_VARIANTS, type CrcVariant } from "./crc";
import { encodeIntBytes, type SmlInt } from "./cursor";
import { BODY_TAG } from "./message";
import { TIME_TAG } from "./time";
import { encodeTl } from "./tl";
import { ESCAPE, START } from "./transport";
import type {
  SmlBody,
  SmlGetListResponse,
  SmlListEntry,
  SmlMessage,
  SmlOpenResponse,
  SmlTime,
  SmlValue,
} from "./types";

/** A list entry without the fields the decoder derives (obis text, unit text, scaled value). */
export type SmlEntryInput = Omit<SmlListEntry, "obis" | "unit" | "scaled">;
export type SmlGetListInput = Omit<SmlGetListResponse, "valList"> & {
  readonly valList: readonly SmlEntryInput[];
};
export type SmlBodyInput = Exclude<SmlBody, SmlGetListResponse> | SmlGetListInput;
/** A decoded SmlMessage is an input as it is. */
export type SmlMessageInput = Omit<SmlMessage, "offset" | "crc" | "body"> & { readonly body: SmlBodyInput };

export interface EncodeOptions {
  readonly crcVariant?: CrcVariant;
}

class Writer {
  readonly out: number[] = [];
  octets(b: Uint8Array): void {
    this.out.push(...encodeTl("octets", b.length), ...b);
  }
  optOctets(b: Uint8Array | undefined): void {
    if (b === undefined) this.out.push(0x01);
    else this.octets(b);
  }
  int(n: SmlInt): void {
    this.out.push(...encodeTl(n.signed ? "integer" : "unsigned", n.width), ...encodeIntBytes(n));
  }
  uint(v: number | bigint, width = minWidth(BigInt(v))): void {
    this.int({ value: BigInt(v), signed: false, width });
  }
  optInt(n: SmlInt | undefined): void {
    if (n === undefined) this.out.push(0x01);
    else this.int(n);
  }
  list(n: number): void {
    this.out.push(...encodeTl("list", n));
  }
}

function minWidth(v: bigint): number {
  let w = 1;
  while (w < 8 && v >= 1n << BigInt(8 * w)) w++;
  return w;
}

function time(w: Writer, t: SmlTime | undefined): void {
  if (t === undefined) {
    w.out.push(0x01);
    return;
  }
  w.list(2);
  w.uint(TIME_TAG[t.kind], 1);
  if (t.kind === "localTimestamp") {
    w.list(3);
    w.uint(t.value, 4);
    w.int({ value: BigInt(t.localOffset), signed: true, width: 2 });
    w.int({ value: BigInt(t.seasonOffset), signed: true, width: 2 });
  } else w.uint(t.value, 4);
}

function value(w: Writer, v: SmlValue): void {
  if (v.kind === "int") w.int(v);
  else if (v.kind === "octets") w.octets(v.value);
  else w.out.push(...encodeTl("boolean", 1), v.value ? 0xff : 0x00);
}

function entry(w: Writer, e: SmlEntryInput): void {
  w.list(7);
  w.octets(e.objName);
  w.optInt(e.status);
  time(w, e.valTime);
  w.optInt(e.unitCode === undefined ? undefined : { value: BigInt(e.unitCode), signed: false, width: 1 });
  w.optInt(e.scaler === undefined ? undefined : { value: BigInt(e.scaler), signed: true, width: 1 });
  value(w, e.value);
  w.optOctets(e.valueSignature);
}

function body(w: Writer, b: SmlBodyInput): void {
  w.list(2);
  if (b.kind === "other") {
    w.uint(b.tag, 2);
    w.out.push(...b.raw);
  } else if (b.kind === "closeResponse") {
    w.uint(BODY_TAG.closeResponse, 2);
    w.list(1);
    w.optOctets(b.globalSignature);
  } else if (b.kind === "openResponse") {
    w.uint(BODY_TAG.openResponse, 2);
    openBody(w, b);
  } else {
    w.uint(BODY_TAG.getListResponse, 2);
    getListBody(w, b);
  }
}

function openBody(w: Writer, b: SmlOpenResponse): void {
  w.list(6);
  w.optOctets(b.codepage);
  w.optOctets(b.clientId);
  w.octets(b.reqFileId);
  w.octets(b.serverId);
  time(w, b.refTime);
  w.optInt(b.smlVersion === undefined ? undefined : { value: BigInt(b.smlVersion), signed: false, width: 1 });
}

function getListBody(w: Writer, b: SmlGetListInput): void {
  w.list(7);
  w.optOctets(b.clientId);
  w.octets(b.serverId);
  w.optOctets(b.listName);
  time(w, b.actSensorTime);
  w.list(b.valList.length);
  for (const e of b.valList) entry(w, e);
  w.optOctets(b.listSignature);
  time(w, b.actGatewayTime);
}

/** One SML_Message with its crc16 and end byte. */
export function encodeMessage(m: SmlMessageInput, crcVariant: CrcVariant = "standard"): number[] {
  const w = new Writer();
  w.list(6);
  w.octets(m.transactionId);
  w.uint(m.groupNo, 1);
  w.uint(m.abortOnError, 1);
  body(w, m.body);
  const bytes = Uint8Array.from(w.out);
  w.uint(CRC_VARIANTS[crcVariant](bytes, 0, bytes.length), 2);
  w.out.push(0x00);
  return w.out;
}

/** A whole SML file: start escape, escaped messages, padding, end escape with padding count and CRC. */
export function encodeSml(messages: readonly SmlMessageInput[], options: EncodeOptions = {}): Uint8Array {
  const variant = options.crcVariant ?? "standard";
  const data = messages.flatMap((m) => encodeMessage(m, variant));
  const padding = (4 - (data.length % 4)) % 4;
  for (let k = 0; k < padding; k++) data.push(0x00);
  const out: number[] = [...ESCAPE, ...START];
  for (let i = 0; i < data.length; i += 4) {
    const chunk = data.slice(i, i + 4);
    if (chunk.every((x) => x === 0x1b)) out.push(...ESCAPE);
    out.push(...chunk);
  }
  out.push(...ESCAPE, 0x1a, padding);
  const bytes = Uint8Array.from([...out, 0, 0]);
  const crc = CRC_VARIANTS[variant](bytes, 0, bytes.length - 2);
  bytes[bytes.length - 2] = crc >> 8;
  bytes[bytes.length - 1] = crc & 0xff;
  return bytes;
}
