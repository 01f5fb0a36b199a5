/**
 * The JSON that `omdp decode` prints for an EN 13757-3 variable data telegram, in two forms:
 *  - `variableDoc`: the document (printed indented by `omdp decode`);
 *  - `writeVariableLine`: `JSON.stringify({ ok: true, ...variableDoc(t, frame) })` written as bytes, for
 *    `--batch` (no intermediate objects or strings: they were most of the per-line cost). The two are kept equal by
 *    packages/cli/test/mbus-output.test.ts over the corpus and mutated frames.
 */
import { toHex } from "@omdp/dlms";
import { type DataRecord, DRIVERS, readValues, type Telegram, type VariableData } from "@omdp/mbus";
import { ByteSink } from "./io/byte-sink";

export type VariableTelegram = Extract<Telegram, { type: "variable" }>;

function meterOf(h: VariableData["header"]) {
  if (h?.kind === "long")
    return {
      id: h.id,
      manufacturer: h.manufacturer,
      version: h.version,
      medium: h.medium.name,
      accessNumber: h.accessNumber,
      status: h.status,
      statusFlags: h.statusFlags,
      signature: h.signature,
    };
  return h ? { accessNumber: h.accessNumber, status: h.status, signature: h.signature } : undefined;
}

/** Where each record's own bytes end: records tile the data unless unreadable ones were skipped. */
function stops(t: VariableTelegram, frame: Uint8Array): number[] {
  const end = frame.length - 2 - t.trailingFillers;
  const degraded = t.recordErrors.length > 0;
  return t.records.map((r, i) => {
    if (degraded) return r.offset + r.length;
    const next = t.records[i + 1];
    return next ? next.offset - next.fillers : end;
  });
}

function quantity(r: DataRecord): string {
  return r.table === "plainText" ? (r.plainText ?? r.quantity) : r.quantity;
}

function value(r: DataRecord): DataRecord["value"] {
  return r.valueKind === "bytes" ? toHex(r.data) : r.value;
}

function recordDoc(r: DataRecord, frame: Uint8Array, stop: number) {
  return {
    function: r.function,
    storage: r.storage,
    tariff: r.tariff,
    subunit: r.subunit,
    quantity: quantity(r),
    value: value(r),
    unit: r.unit,
    raw: toHex(frame.subarray(r.offset, stop)),
    ...(r.extensions.length > 0 ? { extensions: r.extensions } : {}),
    ...(r.error ? { error: r.error } : {}),
    ...(r.invalid ? { invalid: true } : {}),
  };
}

export function variableDoc(t: VariableTelegram, frame: Uint8Array): Record<string, unknown> {
  const meter = meterOf(t.header);
  const at = stops(t, frame);
  return {
    transport: "mbus",
    frames: 1,
    protocol: "mbus",
    ci: t.ci,
    ...(meter ? { meter } : {}),
    records: t.records.map((r, i) => recordDoc(r, frame, at[i]!)),
    ...(t.recordErrors.length > 0 ? { recordErrors: t.recordErrors } : {}),
    ...(t.moreRecordsFollow ? { moreRecordsFollow: true } : {}),
    // the meter driver's normalised fields (packages/mbus/src/drivers), "generic" when none matches
    ...readValues(t, DRIVERS),
  };
}

// ---- the same, as one JSON line written into a ByteSink ----

function writeMeter(o: ByteSink, h: VariableData["header"]): void {
  if (h === null) return;
  if (h.kind === "short") {
    o.ascii(',"meter":{"accessNumber":');
    o.num(h.accessNumber);
    o.ascii(',"status":');
    o.num(h.status);
    o.ascii(',"signature":');
    o.num(h.signature);
    o.ascii("}");
    return;
  }
  o.ascii(',"meter":{"id":');
  o.text(h.id);
  o.ascii(',"manufacturer":');
  o.str(h.manufacturer);
  // the parts that repeat from telegram to telegram of a meter, each made once (ByteSink.fragment;
  // numbers below -0x1ff keep them apart from the record heads, >= 0, the units, -1, and the
  // value keys, -2 and -3)
  const v = h.version;
  if (v >= 0 && v < 0x100 && (v | 0) === v)
    o.fragment(h.medium.name, -0x200 - v, () => `,"version":${v},"medium":${JSON.stringify(h.medium.name)}`);
  else {
    o.ascii(',"version":');
    o.num(v);
    o.ascii(',"medium":');
    o.str(h.medium.name);
  }
  o.ascii(',"accessNumber":');
  o.num(h.accessNumber);
  const key = statusKey(h.status, h.statusFlags);
  if (key >= 0)
    o.fragment(h.statusFlags.application, -0x100000 - key, () => statusText(h.status, h.statusFlags));
  else o.utf8(statusText(h.status, h.statusFlags));
  o.num(h.signature);
  o.ascii("}");
}

type Flags = Extract<VariableData["header"], { kind: "long" }>["statusFlags"];

/** `,"status":..,"statusFlags":{..},"signature":` as JSON.stringify writes it. */
function statusText(status: number, f: Flags): string {
  return `,"status":${JSON.stringify(status)},"statusFlags":${JSON.stringify({
    application: f.application,
    powerLow: f.powerLow,
    permanentError: f.permanentError,
    temporaryError: f.temporaryError,
    manufacturerBits: f.manufacturerBits,
  })},"signature":`;
}

/** A number for the status byte with its flags (the application text keys apart), or -1 if unusual. */
function statusKey(status: number, f: Flags): number {
  const m = f.manufacturerBits;
  if (!(status >= 0 && status < 0x100 && (status | 0) === status && m >= 0 && m < 8 && (m | 0) === m))
    return -1;
  const bits = (f.powerLow ? 1 : 0) | (f.permanentError ? 2 : 0) | (f.temporaryError ? 4 : 0);
  return status + 0x100 * (bits + 8 * m);
}

const FUNCTIONS: readonly DataRecord["function"][] = [
  "instantaneous",
  "maximum",
  "minimum",
  "error",
  "manufacturer",
  "moreRecordsFollow",
  "globalReadout",
];

/** `{"function":..,"storage":..,"tariff":..,"subunit":..,"quantity":..` as JSON.stringify writes it. */
function head(r: DataRecord, q: string): string {
  const j = JSON.stringify({
    function: r.function,
    storage: r.storage,
    tariff: r.tariff,
    subunit: r.subunit,
    quantity: q,
  });
  return j.slice(0, -1);
}

function writeHead(o: ByteSink, r: DataRecord): void {
  const q = quantity(r);
  const f = FUNCTIONS.indexOf(r.function);
  // one cached fragment for the usual small storage, tariff and subunit numbers
  if (
    f >= 0 &&
    r.storage < 0x10000 &&
    r.tariff < 0x100 &&
    r.subunit < 0x100 &&
    r.storage >= 0 &&
    r.tariff >= 0 &&
    r.subunit >= 0
  )
    o.fragment(q, f + 8 * (r.subunit + 0x100 * (r.tariff + 0x100 * r.storage)), () => head(r, q));
  else o.utf8(head(r, q));
}

function writeRecord(o: ByteSink, r: DataRecord, frame: Uint8Array, stop: number): void {
  writeHead(o, r);
  if (r.valueKind === "bytes") {
    o.ascii(',"value":');
    o.hex(r.data, 0, r.data.length);
  } else if (r.value !== undefined) {
    o.ascii(',"value":');
    if (typeof r.value === "number") o.num(r.value);
    else if (typeof r.value === "string") o.text(r.value);
    else o.ascii("null");
  }
  // -1: apart from the record heads, whose numbers are >= 0
  o.fragment(r.unit, -1, () => `,"unit":${JSON.stringify(r.unit)},"raw":`);
  o.hex(frame, r.offset, stop);
  if (r.extensions.length > 0) {
    o.ascii(',"extensions":[');
    for (let i = 0; i < r.extensions.length; i++) {
      if (i > 0) o.ascii(",");
      o.str(r.extensions[i]!);
    }
    o.ascii("]");
  }
  if (r.error) {
    o.ascii(',"error":');
    o.str(r.error);
  }
  if (r.invalid) o.ascii(',"invalid":true');
  o.ascii("}");
}

/** Writes `JSON.stringify({ ok: true, ...variableDoc(t, frame) })` into `o`. */
export function writeVariableLine(o: ByteSink, t: VariableTelegram, frame: Uint8Array): void {
  const at = stops(t, frame);
  o.ascii('{"ok":true,"transport":"mbus","frames":1,"protocol":"mbus","ci":');
  o.num(t.ci);
  writeMeter(o, t.header);
  o.ascii(',"records":[');
  for (let i = 0; i < t.records.length; i++) {
    if (i > 0) o.ascii(",");
    writeRecord(o, t.records[i]!, frame, at[i]!);
  }
  o.ascii("]");
  if (t.recordErrors.length > 0) {
    o.ascii(',"recordErrors":');
    o.utf8(JSON.stringify(t.recordErrors));
  }
  if (t.moreRecordsFollow) o.ascii(',"moreRecordsFollow":true');
  writeDriverValues(o, t);
  o.ascii("}");
}

/** `,"driver":..,"values":{..}` as JSON.stringify writes readValues' result. */
function writeDriverValues(o: ByteSink, t: VariableTelegram): void {
  const { driver, values } = readValues(t, DRIVERS);
  o.ascii(',"driver":');
  o.str(driver);
  o.ascii(',"values":{');
  let first = true;
  for (const k in values) {
    // `"key":` (-2) and `,"key":` (-3), each made once per key (ByteSink.fragment)
    if (first) o.fragment(k, -2, () => `${JSON.stringify(k)}:`);
    else o.fragment(k, -3, () => `,${JSON.stringify(k)}:`);
    first = false;
    const v = values[k]!;
    if (typeof v === "number") o.num(v);
    else o.text(v);
  }
  o.ascii("}");
}

/** The same line as a string (tests). */
export function variableLine(t: VariableTelegram, frame: Uint8Array): string {
  const o = new ByteSink(1 << 12);
  writeVariableLine(o, t, frame);
  return o.takeText();
}
