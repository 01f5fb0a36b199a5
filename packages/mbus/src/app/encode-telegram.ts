/**
 * EN 13757-3 encoding side for whole user data: headers (clause 6.2), records, manufacturer data, idle
 * fillers; the fixed data structure; application errors. encodeTelegram wraps the user data in a long
 * frame (or a control frame when there is none), so that encode(decode(x)) reproduces x.
 */
import { MbusError } from "../errors";
import { C } from "../link/control";
import { encodeFrame, type Frame } from "../link/frame";
import { DIF_SPECIAL } from "../tables/dif";
import { FIXED_UNITS } from "../tables/fixed";
import { CI } from "./ci";
import { type RecordSpec, writeRecord } from "./encode-record";
import { writeBcd, writeInt } from "./encode-values";
import { manufacturerCode } from "./manufacturer";
import { ByteWriter } from "./writer";

export interface LongHeaderSpec {
  kind: "long";
  id: string;
  manufacturer: string;
  /** The 2-byte code; wins over `manufacturer` when given (it also carries bit 15, which letters cannot). */
  manufacturerCode?: number;
  version: number;
  medium: number | { code: number };
  accessNumber: number;
  status: number;
  signature?: number;
}

export interface ShortHeaderSpec {
  kind: "short";
  accessNumber: number;
  status: number;
  signature?: number;
}

export interface VariableDataSpec {
  type: "variable";
  ci?: number;
  header: LongHeaderSpec | ShortHeaderSpec | null;
  records: readonly RecordSpec[];
  trailingFillers?: number;
}

export interface FixedDataSpec {
  type: "fixed";
  ci?: number;
  id: string;
  accessNumber: number;
  status: number;
  medium: number | { code: number };
  counters: readonly [FixedCounterSpec, FixedCounterSpec];
}

export interface FixedCounterSpec {
  unitCode: number;
  /** The counter as transmitted (before the unit factor); or `value` in the unit's SI unit. */
  raw?: number | null;
  value?: number | null;
  /** The 4 counter bytes as sent; used when there is no raw value (a BCD counter with a non-decimal digit). */
  bytes?: Uint8Array;
}

export interface ApplicationErrorSpec {
  type: "applicationError";
  ci?: number;
  code: number | null;
}

export interface SelectionSpec {
  type: "selection";
  ci?: number;
  data: Uint8Array;
}

export type UserDataSpec = VariableDataSpec | FixedDataSpec | ApplicationErrorSpec | SelectionSpec;

function idBytes(w: ByteWriter, id: string): void {
  // 8 digits, most significant first; hex letters allowed (some meters send them), padded with zeros
  const s = id.padStart(8, "0");
  if (s.length !== 8 || !/^[0-9A-Fa-f]{8}$/.test(s))
    throw new MbusError("ENCODE", "id must be up to 8 BCD digits", { offset: 0, field: "id", actual: id });
  for (let i = 3; i >= 0; i--) w.byte(Number.parseInt(s.slice(6 - 2 * (3 - i) - 0, 8 - 2 * (3 - i)), 16));
}

function mediumCode(m: number | { code: number }): number {
  return typeof m === "number" ? m : m.code;
}

function byte(v: number, field: string): number {
  if (!Number.isInteger(v) || v < 0 || v > 0xff)
    throw new MbusError("ENCODE", `${field} must be a byte`, { offset: 0, field, actual: String(v) });
  return v;
}

function u16(v: number, field: string): number {
  if (!Number.isInteger(v) || v < 0 || v > 0xffff)
    throw new MbusError("ENCODE", `${field} must be 16 bits`, { offset: 0, field, actual: String(v) });
  return v;
}

/** The CI a spec is sent with when it names none. */
export function defaultCi(spec: UserDataSpec): number {
  if (spec.ci !== undefined) return spec.ci;
  switch (spec.type) {
    case "variable":
      return spec.header === null
        ? CI.RESPONSE_NONE
        : spec.header.kind === "long"
          ? CI.RESPONSE_LONG
          : CI.RESPONSE_SHORT;
    case "fixed":
      return CI.RESPONSE_FIXED;
    case "applicationError":
      return CI.APPLICATION_ERROR;
    case "selection":
      return CI.SELECT_SECONDARY;
  }
}

/** The user data (bytes after the CI field). Throws MbusError("ENCODE") on values that do not fit. */
export function encodeUserData(spec: UserDataSpec): Uint8Array {
  const w = new ByteWriter();
  switch (spec.type) {
    case "variable": {
      const h = spec.header;
      if (h?.kind === "long") {
        idBytes(w, h.id);
        const man = h.manufacturerCode ?? manufacturerCode(h.manufacturer);
        w.byte(man & 0xff);
        w.byte(man >> 8);
        w.byte(byte(h.version, "version"));
        w.byte(byte(mediumCode(h.medium), "medium"));
      }
      if (h) {
        w.byte(byte(h.accessNumber, "accessNumber"));
        w.byte(byte(h.status, "status"));
        const sig = u16(h.signature ?? 0, "signature");
        w.byte(sig & 0xff);
        w.byte(sig >> 8);
      }
      for (const r of spec.records) writeRecord(w, r);
      for (let i = 0; i < (spec.trailingFillers ?? 0); i++) w.byte(DIF_SPECIAL.IDLE_FILLER);
      break;
    }
    case "fixed": {
      idBytes(w, spec.id);
      w.byte(byte(spec.accessNumber, "accessNumber"));
      w.byte(byte(spec.status, "status"));
      const m = byte(mediumCode(spec.medium), "medium");
      const [c1, c2] = spec.counters;
      w.byte((c1.unitCode & 0x3f) | ((m & 0x03) << 6));
      w.byte((c2.unitCode & 0x3f) | (((m >> 2) & 0x03) << 6));
      const binary = (spec.status & 0x80) !== 0;
      for (const c of [c1, c2]) {
        if ((c.raw === null || c.raw === undefined) && c.bytes?.length === 4) {
          w.bytes(c.bytes);
          continue;
        }
        const unit = FIXED_UNITS[c.unitCode & 0x3f]!;
        const raw =
          c.raw ??
          (c.value === null || c.value === undefined
            ? 0
            : Math.round(unit.factor < 1 ? c.value * Math.round(1 / unit.factor) : c.value / unit.factor));
        const tmp = new Uint8Array(4);
        const e = binary
          ? raw < 0
            ? "negative counter"
            : writeInt(tmp, 0, 4, raw > 0x7fffffff ? raw - 2 ** 32 : raw)
          : writeBcd(tmp, 0, 4, raw);
        if (e) throw new MbusError("ENCODE", e, { offset: 0, field: "counter", actual: raw });
        w.bytes(tmp);
      }
      break;
    }
    case "applicationError":
      if (spec.code !== null) w.byte(byte(spec.code, "code"));
      break;
    case "selection":
      w.bytes(spec.data);
      break;
  }
  return w.toBytes();
}

/** Encodes one record alone (DIB + VIB + data). */
export function encodeRecord(spec: RecordSpec): Uint8Array {
  const w = new ByteWriter(32);
  writeRecord(w, spec);
  return w.toBytes();
}

/** Wraps user data into a frame: long frame, or a control frame when there is no data after the CI. */
export function telegramFrame(spec: UserDataSpec & { control?: number; address?: number }): Frame {
  const data = encodeUserData(spec);
  const control = spec.control ?? C.RSP_UD;
  const address = spec.address ?? 0;
  const ci = defaultCi(spec);
  if (data.length === 0) return { kind: "control", control, address, ci };
  return { kind: "long", control, address, ci, data };
}

/** The bytes of a whole response frame (what a slave or the simulator sends). */
export function encodeTelegram(spec: UserDataSpec & { control?: number; address?: number }): Uint8Array {
  return encodeFrame(telegramFrame(spec));
}
