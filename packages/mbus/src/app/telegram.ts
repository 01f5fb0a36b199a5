/**
 * EN 13757-3 application layer: the user data of a long frame (after the CI field) to a typed telegram.
 *   0x72 long header + records, 0x7A short header + records, 0x78 records only (0x51 likewise, from the
 *   master), 0x73 fixed data structure, 0x70 application error (typed result, not an exception).
 * Offsets in errors and records point into the frame when decoded through decodeTelegram (data starts
 * at byte 7), into the user data when decoded through decodeUserData.
 * Per-record degradation: a record that cannot be read becomes a RecordError in `recordErrors` and the
 * others still come out; only the link layer, the CI and the header fail a telegram ({ strict: true }
 * restores failing on the first bad record).
 */
import {
  type DecodeOptions,
  type DecodeResult,
  fail,
  hex2,
  type MbusError,
  ok,
  type RecordError,
} from "../errors";
import { parseHex, toHex } from "../hex";
import { isFromMaster } from "../link/control";
import type { Frame } from "../link/frame";
import { decodeFrame } from "../link/frame";
import { applicationErrorName } from "../tables/app-errors";
import { DIF_SPECIAL } from "../tables/dif";
import { CI, ciLayout } from "./ci";
import { decodeFixedData, type FixedData } from "./fixed-data";
import {
  LONG_HEADER_LENGTH,
  type LongHeader,
  readLongHeader,
  readShortHeader,
  SHORT_HEADER_LENGTH,
  type ShortHeader,
} from "./header";
import { bare, type DataRecord, type RecordScratch, readRecord } from "./record";

const scratch: RecordScratch = { next: null, error: null };

const NO_DATA = new Uint8Array(0);

export interface VariableData {
  type: "variable";
  ci: number;
  header: LongHeader | ShortHeader | null;
  records: DataRecord[];
  /** Bytes after a 0x0F/0x1F DIF (also the data of the last record); empty when absent. */
  manufacturerData: Uint8Array | null;
  /** DIF 0x1F seen: the slave has more records; read the next telegram (REQ_UD2 with toggled FCB). */
  moreRecordsFollow: boolean;
  /** Idle fillers (0x2F) after the last record. */
  trailingFillers: number;
  /** Records that could not be read, in frame order (empty when every record decoded). */
  recordErrors: RecordError[];
}

export interface ApplicationError {
  type: "applicationError";
  ci: number;
  /** Table 17 code, null when the slave sent no code byte. */
  code: number | null;
  message: string;
  /** Offset of the code byte (or of the CI when there is none). */
  offset: number;
}

export interface SelectionData {
  type: "selection";
  ci: number;
  data: Uint8Array;
}

export type UserData = VariableData | FixedData | ApplicationError | SelectionData;

/** A decoded slave response with the link-layer fields. */
export type Telegram = UserData & { control: number; address: number };

/** Records (clause 6.3) from `pos` to `end`; idle fillers skipped and counted; 0x0F/0x1F end the list. */
export function decodeRecords(
  b: Uint8Array,
  pos: number,
  end: number,
  base: number,
  opts?: DecodeOptions,
): DecodeResult<VariableData> {
  const records: DataRecord[] = [];
  const recordErrors: RecordError[] = [];
  let fillers = 0;
  let manufacturerData: Uint8Array | null = null;
  let more = false;
  while (pos < end) {
    const dif = b[pos]!;
    if (dif === DIF_SPECIAL.IDLE_FILLER) {
      fillers++;
      pos++;
      continue;
    }
    if (dif === DIF_SPECIAL.MANUFACTURER_DATA || dif === DIF_SPECIAL.MORE_RECORDS_FOLLOW) {
      // clause 6.3.3: manufacturer specific data up to the end of the user data
      more = dif === DIF_SPECIAL.MORE_RECORDS_FOLLOW;
      manufacturerData = b.subarray(pos + 1, end);
      records.push(
        bare(
          base + pos,
          fillers,
          dif,
          [],
          more ? "moreRecordsFollow" : "manufacturer",
          0,
          0,
          0,
          manufacturerData,
        ),
      );
      fillers = 0;
      pos = end;
      break;
    }
    const record = readRecord(b, pos, end, base, fillers, scratch);
    if (record === null) {
      const error = scratch.error!;
      if (opts?.strict) return { ok: false, error };
      // clause 6.3: records follow each other without separators, so after a record of unknown length
      // nothing more can be delimited: the rest of the data is one record error
      const stop = scratch.next ?? end;
      recordErrors.push(recordError(b, pos, stop, base, error, scratch.next === null));
      fillers = 0;
      pos = stop;
      continue;
    }
    records.push(record);
    fillers = 0;
    pos = scratch.next!;
  }
  return ok({
    type: "variable",
    ci: 0,
    header: null,
    records,
    manufacturerData,
    moreRecordsFollow: more,
    trailingFillers: fillers,
    recordErrors,
  });
}

function recordError(
  b: Uint8Array,
  pos: number,
  stop: number,
  base: number,
  e: MbusError,
  toEnd: boolean,
): RecordError {
  const out: RecordError = {
    offset: base + pos,
    bytes: toHex(b.subarray(pos, stop)),
    length: stop - pos,
    code: e.code,
    reason: e.reason,
    at: e.offset,
    toEnd,
  };
  if (e.field !== undefined) out.field = e.field;
  return out;
}

/** Decodes the user data that follows `ci`. `base` is added to offsets (7 = offsets in a long frame). */
export function decodeUserData(
  ci: number,
  data: Uint8Array,
  base = 0,
  opts?: DecodeOptions,
): DecodeResult<UserData> {
  const layout = ciLayout(ci);
  switch (layout) {
    case "long":
    case "short": {
      const hl = layout === "long" ? LONG_HEADER_LENGTH : SHORT_HEADER_LENGTH;
      if (data.length < hl)
        return fail("HEADER_TOO_SHORT", `CI ${hex2(ci)} needs a ${hl}-byte header (clause 6.2)`, {
          offset: base + data.length,
          expected: hl,
          actual: data.length,
          field: "header",
        });
      const r = decodeRecords(data, hl, data.length, base, opts);
      if (!r.ok) return r;
      r.value.ci = ci;
      r.value.header = layout === "long" ? readLongHeader(data, 0) : readShortHeader(data, 0);
      return r;
    }
    case "none": {
      const r = decodeRecords(data, 0, data.length, base, opts);
      if (r.ok) r.value.ci = ci;
      return r;
    }
    case "fixed":
      return decodeFixedData(ci, data, base);
    case "error": {
      // clause 6.6 / table 17: no byte = unspecified; one byte = the error code
      const code = data.length > 0 ? data[0]! : null;
      return ok({
        type: "applicationError",
        ci,
        code,
        message: applicationErrorName(code),
        offset: data.length > 0 ? base : base - 1,
      });
    }
    case "select":
      return ok({ type: "selection", ci, data });
    default:
      return fail("UNSUPPORTED_CI", `CI ${hex2(ci)} is not a supported application layer`, {
        offset: base - 1,
        actual: ci,
        field: "ci",
      });
  }
}

/**
 * Decodes a slave response frame (RSP_UD, PRM bit clear; EN 13757-2 clause 5.5). Master-to-slave frames
 * are rejected with WRONG_DIRECTION: use decodeUserData to read what a master sends.
 */
export function decodeTelegram(frame: Frame, opts?: DecodeOptions): DecodeResult<Telegram> {
  if (frame.kind !== "long" && frame.kind !== "control")
    return fail("NO_USER_DATA", `a ${frame.kind} frame carries no user data`, { offset: 0, field: "kind" });
  if (isFromMaster(frame.control))
    return fail("WRONG_DIRECTION", `control ${hex2(frame.control)} is a master-to-slave frame`, {
      offset: 4,
      actual: frame.control,
      field: "control",
    });
  // a control frame is a long frame without data (EN 13757-2 clause 5.4): CI 0x70 alone is an error report
  const r = decodeUserData(frame.ci, frame.kind === "long" ? frame.data : NO_DATA, 7, opts);
  if (!r.ok) return r;
  const t = r.value as Telegram;
  t.control = frame.control;
  t.address = frame.address;
  return ok(t);
}

/** Bytes holding exactly one long frame to a telegram (link and application layer). */
export function decodeTelegramBytes(bytes: Uint8Array, opts?: DecodeOptions): DecodeResult<Telegram> {
  const f = decodeFrame(bytes, 0);
  if (!f.ok) return f;
  if (f.value.length !== bytes.length)
    return fail("TRAILING_BYTES", "bytes after the stop byte", {
      offset: f.value.length,
      expected: f.value.length,
      actual: bytes.length,
    });
  return decodeTelegram(f.value.frame, opts);
}

/** Hex text (spaces, newlines allowed) of one long frame to a telegram. */
export function decodeTelegramHex(hex: string, opts?: DecodeOptions): DecodeResult<Telegram> {
  const b = parseHex(hex);
  if (!b.ok) return b;
  return decodeTelegramBytes(b.value, opts);
}

export { CI };
