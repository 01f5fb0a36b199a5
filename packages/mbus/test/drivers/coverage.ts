/**
 * Coverage of wmbusmeters' expected values over its wired test telegrams
 * (test/fixtures/wmbusmeters-wired/tests.json): how many of the numbers and dates that wmbusmeters
 * prints each decoder finds.
 *   - "by value" (any decoder): some decoded record carries the value, converted from the record's
 *     unit to the unit the field name ends in; a record without a unit (a manufacturer record) matches
 *     any field by its raw number (the most credit a decoder without drivers can get).
 *   - "by driver" (this codec): the driver prints the field under wmbusmeters' name with that value.
 * libmbus is run for real: bench/libmbus/harness.c, compiled against the node-mbus package's sources.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildHarness } from "../../../../bench/decode/libmbus";
import { conversion, DRIVERS, decodeTelegramHex, type FieldUnit, readValues } from "../../src/index";

export interface WiredTest {
  driver: string;
  name: string;
  source: string;
  telegrams: string[];
  expected: Record<string, unknown>;
}

/** A decoded record as the value search sees it: a unit and a number or a date text. */
export interface FoundRecord {
  unit: string;
  value: number | string;
}

const META = new Set(["_", "media", "meter", "name", "id", "timestamp"]);
const UNITS: readonly FieldUnit[] = [
  "kwh",
  "mwh",
  "gj",
  "m3",
  "c",
  "k",
  "w",
  "kw",
  "m3h",
  "v",
  "a",
  "hz",
  "h",
  "s",
  "bar",
  "kvarh",
  "m3c",
  "hca",
  "rh",
  "counter",
];
const DATE = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/;

export function loadWiredTests(): WiredTest[] {
  const file = join(import.meta.dirname, "..", "fixtures", "wmbusmeters-wired", "tests.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { tests: WiredTest[] }).tests;
}

/** The values a test counts: numbers and dates, not the meta fields, texts, status words or nulls. */
export function countedValues(t: WiredTest): [string, number | string][] {
  return Object.entries(t.expected).filter(
    (e): e is [string, number | string] =>
      !META.has(e[0]) && (typeof e[1] === "number" || (typeof e[1] === "string" && DATE.test(e[1]))),
  );
}

function unitOf(field: string): FieldUnit | null {
  const u = field.slice(field.lastIndexOf("_") + 1) as FieldUnit;
  return UNITS.includes(u) ? u : null;
}

function same(a: number, e: number): boolean {
  return Math.abs(a - e) <= 5e-6 * Math.max(1, Math.abs(e));
}

/** "2024-01-15T11:46" and "2024-01-15 11:46" are the same date-time; seconds and a Z are ignored. */
function sameDate(a: string, e: string): boolean {
  const norm = (s: string) => s.replace("T", " ").replace(/Z$/, "").slice(0, e.length);
  return norm(a) === e;
}

export function foundByValue(records: readonly FoundRecord[], field: string, e: number | string): boolean {
  if (typeof e === "string") return records.some((r) => typeof r.value === "string" && sameDate(r.value, e));
  const unit = unitOf(field);
  return records.some((r) => {
    if (typeof r.value !== "number") return false;
    if (r.unit === "") return same(r.value, e);
    const f = unit === null ? null : conversion(r.unit, unit);
    return f !== null && same(r.value * f, e);
  });
}

/** This codec's records (units as the codec names them) and the driver's values, over a test's telegrams. */
export function decodeOurs(t: WiredTest): {
  records: FoundRecord[];
  values: Record<string, number | string>;
} {
  const records: FoundRecord[] = [];
  const values: Record<string, number | string> = {};
  for (const hex of t.telegrams) {
    const r = decodeTelegramHex(hex);
    if (!r.ok || r.value.type !== "variable") continue;
    for (const rec of r.value.records)
      if (typeof rec.value === "number" || rec.valueKind === "date" || rec.valueKind === "dateTime")
        records.push({
          unit: rec.table === "manufacturer" ? "" : rec.unit,
          value: rec.value as number | string,
        });
    Object.assign(values, readValues(r.value, DRIVERS).values);
  }
  return { records, values };
}

/** libmbus's normalised XML units, in the codec's unit names. */
const LIBMBUS_UNIT: Readonly<Record<string, string>> = {
  Wh: "Wh",
  J: "J",
  "m^3": "m3",
  "°C": "degC",
  // the harness prints UTF-8; read as Latin-1 (as the corpus README says libmbus output reads)
  "Â°C": "degC",
  "Units for H.C.A.": "",
  K: "K",
  W: "W",
  "J/h": "J/h",
  "m^3/h": "m3/h",
  V: "V",
  A: "A",
  s: "s",
  "%": "%",
  "": "",
};

function tag(block: string, name: string): string | null {
  const m = new RegExp(`<${name}>([^<]*)</${name}>`).exec(block);
  return m ? m[1]! : null;
}

/** Records of one libmbus XML document (mbus_frame_data_xml_normalized). */
export function libmbusRecords(xml: string): FoundRecord[] {
  const out: FoundRecord[] = [];
  for (const block of xml.split("<DataRecord").slice(1)) {
    const unit = tag(block, "Unit") ?? "";
    const text = tag(block, "Value") ?? "";
    const known = LIBMBUS_UNIT[unit];
    const n = Number(text);
    if (text !== "" && Number.isFinite(n)) out.push({ unit: known ?? "?", value: n });
    else if (/^\d{4}-\d{2}-\d{2}/.test(text)) out.push({ unit, value: text });
  }
  return out;
}

/** libmbus's records for each test (all its telegrams), by running the compiled harness once. */
export function runLibmbus(tests: readonly WiredTest[]): FoundRecord[][] {
  const root = join(import.meta.dirname, "..", "..", "..", "..");
  const tmp = mkdtempSync(join(tmpdir(), "omdp-coverage-"));
  try {
    const h = buildHarness(root, tmp);
    if ("missing" in h) throw new Error(`libmbus harness: ${h.missing}`);
    const lines = tests.flatMap((t) => t.telegrams);
    const r = spawnSync(h.bin, ["xml"], { input: `${lines.join("\n")}\n`, encoding: "latin1" });
    if (r.status !== 0) throw new Error(`libmbus harness exited ${r.status}: ${r.stderr}`);
    const docs = r.stdout.split("<?xml").slice(1);
    if (docs.length !== lines.length)
      throw new Error(`libmbus printed ${docs.length} documents for ${lines.length} telegrams`);
    let i = 0;
    return tests.map((t) => t.telegrams.flatMap(() => libmbusRecords(docs[i++]!)));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export interface Coverage {
  telegrams: number;
  tests: number;
  expected: number;
  libmbus: number;
  oursByValue: number;
  oursWithDrivers: number;
  /** Values the drivers print under wmbusmeters' own field name (the value found and named). */
  namedByDriver: number;
  /** Per test: the values the drivers add, and those still missed. */
  detail: { name: string; driverAdds: string[]; missed: string[] }[];
}

export function coverage(tests: readonly WiredTest[], libmbus: readonly FoundRecord[][]): Coverage {
  const c: Coverage = {
    telegrams: 0,
    tests: tests.length,
    expected: 0,
    libmbus: 0,
    oursByValue: 0,
    oursWithDrivers: 0,
    namedByDriver: 0,
    detail: [],
  };
  tests.forEach((t, i) => {
    const ours = decodeOurs(t);
    const d = { name: `${t.driver}/${t.name}`, driverAdds: [] as string[], missed: [] as string[] };
    c.telegrams += t.telegrams.length;
    for (const [field, e] of countedValues(t)) {
      c.expected++;
      if (foundByValue(libmbus[i]!, field, e)) c.libmbus++;
      const byValue = foundByValue(ours.records, field, e);
      if (byValue) c.oursByValue++;
      const got = ours.values[field];
      const named =
        got !== undefined &&
        (typeof e === "number"
          ? typeof got === "number" && same(got, e)
          : typeof got === "string" && sameDate(got, e));
      if (byValue || named) c.oursWithDrivers++;
      if (named) c.namedByDriver++;
      if (named && !byValue) d.driverAdds.push(field);
      if (!byValue && !named) d.missed.push(field);
    }
    c.detail.push(d);
  });
  return c;
}
