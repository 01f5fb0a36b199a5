/**
 * The household page's data, pure: one section per medium (electricity first, then water, heat, gas and
 * heat cost allocators, the order of `MEDIA`), one panel per meter with its latest values in their
 * units (the edge's latest reading: every OBIS value with its unit), its status byte in words, and
 * today's and this month's consumption from the intervals resource (P1D / P1M, local days and months):
 * electricity from the energy fields, every other medium from `consumption` (the register deltas of
 * the series contract), so a heat meter's energy never counts as electricity.
 */
import { MEDIA, type Medium, mediumOf } from "@omdp/model/medium";
import { PROPERTIES, propertyDefinition } from "@omdp/model/obis";
import {
  type ApplicationStatus,
  applicationStatus,
  STATUS_FLAGS,
  STATUS_PROPERTY,
  type StatusBitFlag,
  statusBitSet,
} from "@omdp/model/status-byte";
import { formatAmps, formatKw, formatKwh, formatVolts } from "../lib/format";
import type { Interval } from "../lib/records";
import type { MeterInfo } from "../lib/settings";

export interface ReadingValue {
  readonly property: string;
  readonly value: number;
  readonly unit: string;
}

export interface LatestReading {
  readonly meterId: string;
  readonly at: number;
  readonly values: readonly ReadingValue[];
}

/** A latest reading from the edge's `/latest` answer (`{ reading }` or the reading), or null. */
export function latestReading(raw: unknown): LatestReading | null {
  const r = (
    raw && typeof raw === "object" && "reading" in raw ? (raw as { reading: unknown }).reading : raw
  ) as Record<string, unknown> | null | undefined;
  if (!r || typeof r !== "object" || typeof r.meterId !== "string" || !Array.isArray(r.values)) return null;
  const at = typeof r.readingTime === "string" ? Date.parse(r.readingTime) : Number.NaN;
  if (Number.isNaN(at)) return null;
  const values: ReadingValue[] = [];
  for (const v of r.values as unknown[]) {
    const { property, value, unit } = (v ?? {}) as Partial<ReadingValue>;
    if (typeof property === "string" && typeof value === "number" && Number.isFinite(value))
      values.push({ property, value, unit: typeof unit === "string" ? unit : "" });
  }
  return { meterId: r.meterId, at, values };
}

/** The error register the wM-Bus reader fills from the transport layer's status byte. */
export { STATUS_PROPERTY };

/** The status byte's fields (@omdp/model/status-byte) in a household's words. */
const APPLICATION_WORDS: Readonly<Record<ApplicationStatus, string>> = {
  ok: "",
  busy: "application busy",
  error: "application error",
  alarm: "alarm",
};
const FLAG_WORDS: Readonly<Record<StatusBitFlag, string>> = {
  powerLow: "battery low",
  permanentError: "permanent error",
  temporaryError: "temporary error",
};

/** The status byte in words: "OK" when no bit is set. */
export function statusText(byte: number): string {
  const words: string[] = [];
  const app = APPLICATION_WORDS[applicationStatus(byte)];
  if (app) words.push(app);
  for (const flag of STATUS_FLAGS) if (statusBitSet(byte, flag)) words.push(FLAG_WORDS[flag]);
  return words.length ? words.join(", ") : "OK";
}

/** The medium of a meter: its intervals' (the contract; none means electricity), else its reading's. */
export function meterMedium(reading: LatestReading | null, intervals: readonly Interval[]): Medium {
  const fromIntervals = intervals.find((i) => i.medium !== undefined)?.medium;
  if (fromIntervals) return fromIntervals;
  for (const v of reading?.values ?? []) {
    const m = mediumOf(v.property);
    if (m && m !== "electricity") return m;
  }
  return "electricity";
}

const plain = new Map<number, Intl.NumberFormat>();
function fixed(value: number, decimals: number): string {
  let f = plain.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    plain.set(decimals, f);
  }
  return f.format(value === 0 ? 0 : value);
}

/** A value in its unit as a household reads it (catalogue units are SI without prefixes). */
export function formatValue(value: number, unit: string): string {
  switch (unit) {
    case "Wh":
      return formatKwh(value);
    case "W":
      return formatKw(value);
    case "varh":
      return `${fixed(value / 1000, 3)} kvarh`;
    case "var":
      return `${fixed(value / 1000, 3)} kvar`;
    case "m3":
      return `${fixed(value, 3)} m³`;
    case "m3/h":
      return `${fixed(value, 3)} m³/h`;
    case "degC":
      return `${fixed(value, 1)} °C`;
    case "V":
      return formatVolts(value);
    case "A":
      return formatAmps(value);
    case "HCA":
      return `${fixed(value, Number.isInteger(value) ? 0 : 1)} HCA`;
    default:
      return unit ? `${value} ${unit}` : String(value);
  }
}

export interface ShownValue {
  readonly property: string;
  readonly label: string;
  readonly value: number;
  readonly text: string;
}

const ORDER = new Map(PROPERTIES.map((p, i) => [p.id, i]));

function shown(property: string, value: number, unit: string): ShownValue {
  const label = propertyDefinition(property)?.name ?? property;
  return { property, label, value, text: formatValue(value, unit) };
}

/** The reading's values in catalogue order (unknown ids last), the status byte left to `statusText`. */
export function currentValues(reading: LatestReading): ShownValue[] {
  return reading.values
    .filter((v) => v.property !== STATUS_PROPERTY)
    .sort((a, b) => (ORDER.get(a.property) ?? 1e9) - (ORDER.get(b.property) ?? 1e9))
    .map((v) => shown(v.property, v.value, v.unit || propertyDefinition(v.property)?.unit || ""));
}

/** Sums to 1e-6 of their unit, as the contract rounds consumption (so 0.1 + 0.2 shows 0.3). */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * What a meter consumed over some intervals, per register: electricity's import (and export, when
 * there was any) from the energy fields, every other medium's from `consumption`, in catalogue order.
 * Null without intervals (nothing known yet, which is not zero).
 */
export function consumptionOf(intervals: readonly Interval[], medium: Medium): ShownValue[] | null {
  if (intervals.length === 0) return null;
  const sums = new Map<string, number>();
  const add = (k: string, x: number) => sums.set(k, (sums.get(k) ?? 0) + x);
  for (const i of intervals) {
    if (medium === "electricity") {
      add("1-0:1.8.0", i.importWh);
      if (i.exportWh > 0) add("1-0:2.8.0", i.exportWh);
    } else for (const [k, x] of Object.entries(i.consumption ?? {})) add(k, x);
  }
  return [...sums]
    .sort(([a], [b]) => (ORDER.get(a) ?? 1e9) - (ORDER.get(b) ?? 1e9))
    .map(([k, x]) => shown(k, round6(x), propertyDefinition(k)?.unit ?? ""));
}

export interface MeterPanel {
  readonly meterId: string;
  readonly name: string;
  readonly at: number | null;
  readonly values: readonly ShownValue[];
  /** The status byte in words, null when the meter sends none. */
  readonly status: string | null;
  readonly today: readonly ShownValue[] | null;
  readonly month: readonly ShownValue[] | null;
}

export interface MediumSection {
  readonly medium: Medium;
  readonly title: string;
  readonly meters: readonly MeterPanel[];
}

export const MEDIUM_TITLES: Readonly<Record<Medium, string>> = {
  electricity: "Electricity",
  water: "Water",
  heat: "Heat",
  gas: "Gas",
  hca: "Heat cost allocators",
};

export interface MeterData {
  readonly latest: LatestReading | null;
  /** The P1D interval(s) of today. */
  readonly today: readonly Interval[];
  /** The P1M interval(s) of this month. */
  readonly month: readonly Interval[];
}

/** The household's media in `MEDIA` order, only those with a meter, meters in the household's order. */
export function householdMedia(
  meters: readonly MeterInfo[],
  data: ReadonlyMap<string, MeterData>,
): MediumSection[] {
  const by = new Map<Medium, MeterPanel[]>();
  for (const m of meters) {
    const d = data.get(m.id) ?? { latest: null, today: [], month: [] };
    const medium = meterMedium(d.latest, [...d.today, ...d.month]);
    const status = d.latest?.values.find((v) => v.property === STATUS_PROPERTY);
    const panel: MeterPanel = {
      meterId: m.id,
      name: m.name ?? m.id,
      at: d.latest?.at ?? null,
      values: d.latest ? currentValues(d.latest) : [],
      status: status ? statusText(status.value) : null,
      today: consumptionOf(d.today, medium),
      month: consumptionOf(d.month, medium),
    };
    by.set(medium, [...(by.get(medium) ?? []), panel]);
  }
  return MEDIA.filter((x) => by.has(x)).map((x) => ({
    medium: x,
    title: MEDIUM_TITLES[x],
    meters: by.get(x)!,
  }));
}
