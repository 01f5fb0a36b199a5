/**
 * Picks the driver for a telegram (manufacturer, version, medium of the EN 13757-3 long header) and
 * reads its normalised values. The input is the decoded header and records only, so wired and wireless
 * M-Bus share drivers. Records a driver does not name still come out under their generic names.
 */
import type { LongHeader, ShortHeader } from "../app/header";
import type { DataRecord } from "../app/record";
import { genericName } from "./generic";
import { selectIndex } from "./select";
import type { DriverMatch, FieldUnit, MeterDriver, RecordSelector } from "./types";
import { conversion, tidy } from "./units";

/** What a driver needs of a decoded telegram. */
export interface DecodedBody {
  header: LongHeader | ShortHeader | null;
  records: readonly DataRecord[];
}

export interface DriverReading {
  /** The matching driver's name, or "generic" when none matched. */
  driver: string;
  /** Printed field name (`<name>_<unit>`) to value, in driver field order, then generic names. */
  values: Record<string, number | string>;
}

/** `<name>_<unit>` (wmbusmeters' convention); dates, date-times and texts print by their name alone. */
export function printedName(name: string, unit: FieldUnit): string {
  return unit === "date" || unit === "datetime" || unit === "text" ? name : `${name}_${unit}`;
}

/**
 * printedName, made once per name and unit (decode-rate path): a key built anew for every telegram is
 * a new string that each `in` and store must hash and look up again; a kept one is looked up once.
 */
const PRINTED = new Map<FieldUnit, Map<string, string>>();
/** Bound of the cache: generic names carry storage numbers, which hostile telegrams can make up. */
const PRINTED_LIMIT = 4096;
let printedCount = 0;

function printedKey(name: string, unit: FieldUnit): string {
  let byName = PRINTED.get(unit);
  if (byName === undefined) {
    byName = new Map();
    PRINTED.set(unit, byName);
  }
  let key = byName.get(name);
  if (key === undefined) {
    key = printedName(name, unit);
    if (printedCount < PRINTED_LIMIT) {
      byName.set(name, key);
      printedCount++;
    }
  }
  return key;
}

function oneOf(want: number | readonly number[] | undefined, got: number): boolean {
  if (want === undefined) return true;
  return typeof want === "number" ? want === got : want.includes(got);
}

export function driverMatches(m: DriverMatch, h: LongHeader): boolean {
  return m.manufacturer === h.manufacturer && oneOf(m.version, h.version) && oneOf(m.medium, h.medium.code);
}

/**
 * The driver for a header: among those matching, the most specific (a version and a medium given beat
 * either alone, which beat the manufacturer alone); ties go to the first in `drivers`.
 */
export function pickDriver(
  header: DecodedBody["header"],
  drivers: readonly MeterDriver[],
): MeterDriver | undefined {
  if (header?.kind !== "long") return undefined;
  // the choice depends on manufacturer, version and medium only: made once per such triple and list
  let byList = PICKED.get(drivers);
  if (byList === undefined) {
    byList = new Map();
    PICKED.set(drivers, byList);
  }
  let byMeter = byList.get(header.manufacturer);
  if (byMeter === undefined) {
    byMeter = new Map();
    if (byList.size < PICKED_LIMIT) byList.set(header.manufacturer, byMeter);
  }
  const key = header.version * 0x100 + header.medium.code;
  let picked = byMeter.get(key);
  if (picked === undefined) {
    picked = mostSpecific(header, drivers) ?? null;
    if (byMeter.size < PICKED_LIMIT) byMeter.set(key, picked);
  }
  return picked ?? undefined;
}

/**
 * pickDriver's choices by driver list, manufacturer and version x 256 + medium (null: none matches).
 * Driver lists are data: a list is not changed once it has been used.
 */
const PICKED = new WeakMap<readonly MeterDriver[], Map<string, Map<number, MeterDriver | null>>>();
/** Bound of each level: hostile headers with ever new manufacturers must not grow it without end. */
const PICKED_LIMIT = 4096;

function mostSpecific(header: LongHeader, drivers: readonly MeterDriver[]): MeterDriver | undefined {
  let best: MeterDriver | undefined;
  let bestScore = -1;
  for (const d of drivers) {
    if (!driverMatches(d.match, header)) continue;
    const score = (d.match.version === undefined ? 0 : 2) + (d.match.medium === undefined ? 0 : 1);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** A record's value in a field unit, or undefined when the record does not carry such a value. */
export function valueIn(r: DataRecord, unit: FieldUnit, scale = 1): number | string | undefined {
  if (r.value === null) return undefined;
  switch (unit) {
    case "date":
      return r.valueKind === "date" ? (r.value as string) : undefined;
    case "datetime":
      return r.valueKind === "dateTime" ? (r.value as string) : undefined;
    case "text":
      return String(r.value);
    default: {
      if (typeof r.value !== "number") return undefined;
      // a manufacturer or plain-text record has no standard unit: the driver's field gives it (and `scale`)
      const f = r.table === "manufacturer" || r.table === "plainText" ? 1 : conversion(r.unit, unit);
      if (f === null) return undefined;
      const k = f * scale;
      return k === 1 ? r.value : tidy(r.value * k);
    }
  }
}

/** A driver field made ready once: its printed key, and its selector with every property present. */
interface PreparedField {
  readonly key: string;
  readonly unit: FieldUnit;
  readonly scale: number | undefined;
  readonly from: RecordSelector;
}

/**
 * Each driver's fields, prepared once (drivers are data: not changed once used). Selectors are written
 * with only the properties they need, so they come in many shapes, and reading them in the matcher is
 * slow in every shape; one object shape for all keeps those reads fast.
 */
const PREPARED = new WeakMap<MeterDriver, readonly PreparedField[]>();

function prepared(d: MeterDriver): readonly PreparedField[] {
  let p = PREPARED.get(d);
  if (p === undefined) {
    p = d.fields.map((f) => ({
      key: printedName(f.name, f.unit),
      unit: f.unit,
      scale: f.scale,
      from: {
        function: f.from.function,
        storage: f.from.storage,
        tariff: f.from.tariff,
        subunit: f.from.subunit,
        quantity: f.from.quantity,
        vif: f.from.vif,
        vife: f.from.vife,
        plainText: f.from.plainText,
        index: f.from.index,
      },
    }));
    PREPARED.set(d, p);
  }
  return p;
}

/** Which records a driver field took (by position; reused, as decoding is synchronous). */
let claimed = new Uint8Array(64);

/** The normalised values of a decoded telegram, by its driver or the generic names. */
export function readValues(body: DecodedBody, drivers: readonly MeterDriver[]): DriverReading {
  const driver = pickDriver(body.header, drivers);
  const values: Record<string, number | string> = {};
  const records = body.records;
  if (claimed.length < records.length) claimed = new Uint8Array(records.length * 2);
  claimed.fill(0, 0, records.length);
  if (driver !== undefined)
    for (const f of prepared(driver)) {
      const i = selectIndex(records, f.from);
      if (i < 0) continue;
      const v = valueIn(records[i]!, f.unit, f.scale);
      if (v === undefined) continue;
      claimed[i] = 1;
      values[f.key] = v;
    }
  for (let i = 0; i < records.length; i++) {
    if (claimed[i] === 1) continue;
    const r = records[i]!;
    const g = genericName(r);
    if (g === null) continue;
    const key = printedKey(g.name, g.unit);
    if (key in values) continue;
    const v = valueIn(r, g.unit);
    if (v !== undefined) values[key] = v;
  }
  return { driver: driver?.name ?? "generic", values };
}
