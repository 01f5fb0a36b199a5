/** One open interval being built, and the IntervalRecord it becomes when it closes. */
import { type IntervalRecord, type Quality, type Resolution, SCHEMA_VERSION } from "@omdp/model";
import { round3, seriesId, worseQuality } from "@omdp/series";
import { intervalMedium, type MediaCounters, mediaConsumption } from "./media";
import { crossesOffsetChange } from "./tz";

/** Flags that make the energy an estimate (part of it was assumed). */
const ESTIMATED_FLAGS = new Set(["reset", "meterReplaced"]);
/** Flags that mean data is missing (energy may belong partly to a neighbouring interval). */
const PARTIAL_FLAGS = new Set(["gap", "noBaseline"]);

export interface Accum {
  startMs: number;
  endMs: number;
  /** Continuous counters at the last reading at or before the start (null: not known yet). */
  baseImp: number | null;
  baseExp: number | null;
  /** Media counters (OBIS id to counter) at that reading; absent in state older than media. */
  baseMedia?: Record<string, number>;
  samples: number;
  powerMin: number | null;
  powerMax: number | null;
  powerSum: number;
  powerCount: number;
  flags: string[];
}

export function openAccum(
  startMs: number,
  endMs: number,
  baseImp: number | null,
  baseExp: number | null,
  baseMedia: Record<string, number> = {},
): Accum {
  return {
    startMs,
    endMs,
    baseImp,
    baseExp,
    baseMedia,
    samples: 0,
    powerMin: null,
    powerMax: null,
    powerSum: 0,
    powerCount: 0,
    flags: [],
  };
}

export function addFlag(a: Accum, flag: string): void {
  if (!a.flags.includes(flag)) a.flags.push(flag);
}

export function addSample(a: Accum, powerW: number | null): void {
  a.samples += 1;
  if (powerW === null) return;
  a.powerMin = a.powerMin === null ? powerW : Math.min(a.powerMin, powerW);
  a.powerMax = a.powerMax === null ? powerW : Math.max(a.powerMax, powerW);
  a.powerSum += powerW;
  a.powerCount += 1;
}

/** The quality each flag implies, combined by the series precedence (the worst wins). */
export function qualityOf(flags: readonly string[]): Quality {
  let q: Quality = "complete";
  for (const f of flags) {
    if (ESTIMATED_FLAGS.has(f)) q = worseQuality(q, "estimated");
    else if (PARTIAL_FLAGS.has(f)) q = worseQuality(q, "partial");
  }
  return q;
}

export interface CloseInput {
  readonly meterId: string;
  readonly resolution: Resolution;
  readonly timeZone: string;
  /** Continuous counters at the last reading at or before the end. */
  readonly contImp: number | null;
  readonly contExp: number | null;
  /** Raw register values of that reading. */
  readonly registers: Record<string, number>;
  /** Media counters at that reading (water, heat, gas, HCA registers). */
  readonly media?: Readonly<MediaCounters> | undefined;
}

function delta(base: number | null, end: number | null): number {
  return base === null || end === null ? 0 : Math.round(end) - Math.round(base);
}

/**
 * energy = counter(last reading at or before end) - counter(last reading at or before start), both
 * rounded to the Wh, so the energies of consecutive intervals telescope to the total counter delta.
 * A meter with water, heat, gas or HCA registers adds `consumption` (the same rule per register, see
 * media.ts) and `medium`; an electricity meter's record has neither.
 */
export function closeAccum(a: Accum, c: CloseInput): IntervalRecord {
  if (a.samples === 0) addFlag(a, "gap");
  // A clock change strictly inside the interval makes its length non-nominal (a 23 h or 25 h day).
  if (crossesOffsetChange(a.startMs, a.endMs - 1000, c.timeZone)) addFlag(a, "dst");
  const intervalStart = new Date(a.startMs).toISOString();
  return {
    schemaVersion: SCHEMA_VERSION,
    id: seriesId(c.meterId, c.resolution, a.startMs),
    meterId: c.meterId,
    resolution: c.resolution,
    intervalStart,
    intervalEnd: new Date(a.endMs).toISOString(),
    energyImportedWh: delta(a.baseImp, c.contImp),
    energyExportedWh: delta(a.baseExp, c.contExp),
    powerMinW: a.powerMin,
    powerAvgW: a.powerCount > 0 ? round3(a.powerSum / a.powerCount) : null,
    powerMaxW: a.powerMax,
    registers: { ...c.registers },
    sampleCount: a.samples,
    quality: qualityOf(a.flags),
    flags: [...a.flags],
    ...mediaFields(a, c),
  };
}

function mediaFields(a: Accum, c: CloseInput): Pick<IntervalRecord, "medium" | "consumption"> {
  const consumption = mediaConsumption(a.baseMedia ?? {}, c.media);
  if (consumption === undefined) return {};
  const medium = intervalMedium(c.registers, Object.keys(consumption));
  return medium === undefined ? { consumption } : { medium, consumption };
}
