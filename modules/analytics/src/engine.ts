/**
 * Per-meter interval engine: a pure state machine over plain JSON state (`MeterTrack`), so the state
 * can be persisted after every reading and a restart continues the half-finished interval.
 *
 * Energy is taken from register deltas only. Each meter keeps a continuous counter per direction: the
 * sum of accepted register steps (equal to the register itself while nothing unusual happens). An
 * interval's energy is counter(last reading <= end) - counter(last reading <= start); see accumulator.ts.
 */
import type { IntervalRecord, Medium, MeterReading, Resolution } from "@omdp/model";
import { type Accum, addFlag, addSample, closeAccum, openAccum } from "./accumulator";
import { intervalMedium, type MediaCounters, mediaSnapshot, stepMedia } from "./media";
import { classifyStep, type ReadingValues, readingValues, type StepKind } from "./registers";
import { intervalBounds } from "./tz";

/** Most intervals closed for one meter and resolution in one call (a meter silent for days). */
export const MAX_CATCH_UP = 2000;
/** Readings remembered (time and fingerprint) for duplicate detection. */
export const RECENT = 64;

export interface MeterTrack {
  meterId: string;
  /** Time of the last in-order reading (ms), null before the first. */
  lastMs: number | null;
  /** Gateway clock when that reading was processed (ms): the timer only closes for a silent meter. */
  receivedMs: number | null;
  /** Raw cumulative registers of that reading. */
  registers: Record<string, number>;
  rawImp: number | null;
  rawExp: number | null;
  contImp: number | null;
  contExp: number | null;
  /** Continuous counters of the water, heat, gas and HCA registers (absent in older state). */
  media?: MediaCounters;
  recent: number[];
  /** Fingerprints of the values of the `recent` readings, index for index (absent in older state). */
  recentPrints?: string[];
  accums: Partial<Record<Resolution, Accum>>;
}

export interface EngineSettings {
  readonly resolutions: readonly Resolution[];
  readonly timeZone: string;
  /** Readings further apart mark a `gap`: an electricity meter's limit, and every medium's without its own. */
  readonly maxGapMs: number;
  /** The limit of a meter of that medium (a wM-Bus water meter sends every few minutes up to 15 min). */
  readonly maxGapMsByMedium?: Readonly<Partial<Record<Medium, number>>>;
  readonly closeGraceMs: number;
  readonly maxPowerW: number;
  readonly maxFutureMs: number;
}

export type Outcome = "accepted" | "duplicate" | "outOfOrder" | "late" | "future" | "empty";

export interface Closed {
  readonly resolution: Resolution;
  readonly record: IntervalRecord;
}

export interface IngestResult {
  readonly outcome: Outcome;
  readonly closed: Closed[];
}

export function newTrack(meterId: string): MeterTrack {
  return {
    meterId,
    lastMs: null,
    receivedMs: null,
    registers: {},
    rawImp: null,
    rawExp: null,
    contImp: null,
    contExp: null,
    media: {},
    recent: [],
    recentPrints: [],
    accums: {},
  };
}

function close(track: MeterTrack, res: Resolution, a: Accum, s: EngineSettings): Closed {
  return {
    resolution: res,
    record: closeAccum(a, {
      meterId: track.meterId,
      resolution: res,
      timeZone: s.timeZone,
      contImp: track.contImp,
      contExp: track.contExp,
      registers: track.registers,
      media: track.media,
    }),
  };
}

/** The interval following one that ended at `endMs` (starts exactly there, even after a zone change). */
function nextAccum(track: MeterTrack, endMs: number, res: Resolution, s: EngineSettings): Accum {
  const b = intervalBounds(endMs, res, s.timeZone);
  return openAccum(
    endMs,
    Math.max(b.endMs, endMs + 1000),
    track.contImp,
    track.contExp,
    mediaSnapshot(track.media),
  );
}

/**
 * Closes every interval of `res` that ends before `untilMs` (or at it, when `byTimer`). `byTimer`: no
 * reading past the end arrived (a silent meter), so the closed interval is marked `gap` (quality partial).
 */
function advance(
  track: MeterTrack,
  res: Resolution,
  untilMs: number,
  byTimer: boolean,
  s: EngineSettings,
): Closed[] {
  const out: Closed[] = [];
  let a = track.accums[res];
  while (a && (a.endMs < untilMs || (byTimer && a.endMs === untilMs))) {
    if (out.length >= MAX_CATCH_UP) {
      // Too long a silence to list every empty interval: jump, the next interval carries the gap.
      const b = intervalBounds(untilMs, res, s.timeZone);
      a = openAccum(b.startMs, b.endMs, track.contImp, track.contExp, mediaSnapshot(track.media));
      addFlag(a, "gap");
      break;
    }
    if (byTimer) addFlag(a, "gap");
    out.push(close(track, res, a, s));
    a = nextAccum(track, a.endMs, res, s);
  }
  if (a) track.accums[res] = a;
  return out;
}

function openFor(track: MeterTrack, t: number, res: Resolution, s: EngineSettings): Accum {
  const b = intervalBounds(t, res, s.timeZone);
  const a = openAccum(b.startMs, b.endMs, track.contImp, track.contExp, mediaSnapshot(track.media));
  // Exact baseline only when the last reading lies before the start; otherwise energy is missing.
  const exact = track.lastMs === null ? t === b.startMs : track.lastMs <= b.startMs;
  if (!exact) addFlag(a, "noBaseline");
  return a;
}

function step(
  prevRaw: number | null,
  raw: number | null,
  cont: number | null,
  elapsedMs: number,
  s: EngineSettings,
): { cont: number | null; kind: StepKind } {
  if (raw === null) return { cont, kind: "normal" };
  if (prevRaw === null || cont === null) return { cont: cont ?? raw, kind: "normal" };
  const st = classifyStep(prevRaw, raw, elapsedMs, s.maxPowerW);
  return { cont: cont + st.deltaWh, kind: st.kind };
}

/** Feeds one reading; returns the intervals it closed. Mutates `track`. */
export function ingest(
  track: MeterTrack,
  reading: MeterReading,
  nowMs: number,
  s: EngineSettings,
): IngestResult {
  const t = Date.parse(reading.readingTime);
  const v = readingValues(reading);
  if (t > nowMs + s.maxFutureMs) return { outcome: "future", closed: [] };
  if (
    v.importWh === null &&
    v.exportWh === null &&
    v.powerW === null &&
    Object.keys(v.registers).length === 0
  ) {
    return { outcome: "empty", closed: [] };
  }
  const print = fingerprint(v);
  const seen = track.lastMs === null ? -1 : track.recent.lastIndexOf(t);
  if (seen >= 0 || t === track.lastMs) {
    // A redelivery (the same values again, as at-least-once delivery makes them) changes nothing;
    // different values at a time already seen are a meter fault, marked on the open interval.
    if (track.recentPrints?.[seen] === print) return { outcome: "duplicate", closed: [] };
    for (const res of s.resolutions) {
      const a = track.accums[res];
      if (a && t >= a.startMs && t < a.endMs) addFlag(a, "duplicate");
    }
    return { outcome: "duplicate", closed: [] };
  }
  if (track.lastMs !== null && t < track.lastMs) {
    // Order-independent parts (power, sample count) still count in the open interval; registers of an
    // older reading cannot change the last value at or before the end, so they are not used.
    let used = false;
    for (const res of s.resolutions) {
      const a = track.accums[res];
      if (!a) continue;
      if (t >= a.startMs) {
        addSample(a, v.powerW);
        addFlag(a, "outOfOrder");
        used = true;
      } else {
        addFlag(a, "late");
      }
    }
    remember(track, t, print);
    return { outcome: used ? "outOfOrder" : "late", closed: [] };
  }

  // 1. Intervals ending before this reading close on the counters of the previous reading.
  const closed: Closed[] = [];
  const tailGap = track.lastMs !== null && t - track.lastMs > maxGapMs(track, s);
  for (const res of s.resolutions) {
    const a = track.accums[res];
    if (!a) {
      track.accums[res] = openFor(track, t, res, s);
      continue;
    }
    if (a.endMs < t && tailGap) addFlag(a, "gap");
    closed.push(...advance(track, res, t, false, s));
  }

  // 2. The register step from the previous reading to this one.
  const elapsed = track.lastMs === null ? 0 : t - track.lastMs;
  const imp = step(track.rawImp, v.importWh, track.contImp, elapsed, s);
  const exp = step(track.rawExp, v.exportWh, track.contExp, elapsed, s);
  track.contImp = imp.cont;
  track.contExp = exp.cont;
  if (v.importWh !== null) track.rawImp = v.importWh;
  if (v.exportWh !== null) track.rawExp = v.exportWh;
  track.registers = { ...track.registers, ...v.registers };
  track.media ??= {};
  const media = stepMedia(track.media, v.registers, elapsed, s.maxPowerW);
  // a register first seen after earlier readings (an upgrade, a meter's long telegram): no baseline
  const mediaFlags: string[] = [
    ...media.kinds,
    ...(media.firstSeen && track.lastMs !== null ? ["noBaseline"] : []),
  ];

  // 3. The step belongs to the interval containing (prev, t]; a reading exactly at an end is that
  //    interval's last value "at or before the end", and its sample opens the next (half-open intervals).
  for (const res of s.resolutions) {
    let a = track.accums[res]!;
    for (const kind of [imp.kind, exp.kind, ...mediaFlags]) if (kind !== "normal") addFlag(a, kind);
    if (t < a.startMs) {
      // The timer closed this reading's interval while the meter was silent; its energy lands in the
      // open interval (the sums still telescope), which is marked, and its sample is not used.
      addFlag(a, "gap");
      continue;
    }
    if (a.baseImp === null && track.contImp !== null) a.baseImp = track.contImp;
    if (a.baseExp === null && track.contExp !== null) a.baseExp = track.contExp;
    a.baseMedia ??= {};
    for (const [id, c] of Object.entries(track.media)) a.baseMedia[id] ??= c.cont;
    if (tailGap) addFlag(a, "gap");
    if (a.endMs === t) {
      closed.push(close(track, res, a, s));
      a = nextAccum(track, a.endMs, res, s);
      track.accums[res] = a;
    }
    addSample(a, v.powerW);
  }
  track.lastMs = t;
  track.receivedMs = nowMs;
  remember(track, t, print);
  return { outcome: "accepted", closed };
}

/**
 * Closes intervals of a silent meter once their end is `closeGraceMs` in the past (quality partial).
 * A meter is silent when nothing arrived from it for `closeGraceMs` on the gateway clock, so a replay
 * of old readings (reading times far behind the clock) is never cut up by the timer.
 */
export function tick(track: MeterTrack, nowMs: number, s: EngineSettings): Closed[] {
  const closed: Closed[] = [];
  if (track.receivedMs !== null && nowMs - track.receivedMs < silentAfterMs(track, s)) return closed;
  for (const res of s.resolutions) closed.push(...advance(track, res, nowMs - s.closeGraceMs, true, s));
  return closed;
}

/**
 * The medium whose gap limit applies to a meter: electricity unless it counts water, heat, gas or HCA
 * only (the medium its intervals are labelled with, from the registers seen so far).
 */
export function trackMedium(track: MeterTrack): Medium {
  const mediaIds = Object.keys(track.media ?? {});
  if (mediaIds.length === 0) return "electricity";
  return intervalMedium(track.registers, mediaIds) ?? "electricity";
}

function maxGapMs(track: MeterTrack, s: EngineSettings): number {
  if (s.maxGapMsByMedium === undefined) return s.maxGapMs;
  return s.maxGapMsByMedium[trackMedium(track)] ?? s.maxGapMs;
}

/**
 * How long a meter must be quiet (gateway clock) before the timer closes its intervals: `closeGraceMs`
 * for electricity; for a water, heat, gas or HCA meter at least its gap limit, since a quiet quarter
 * hour is its normal cadence (its next reading closes the intervals, complete, unless it is a gap).
 */
function silentAfterMs(track: MeterTrack, s: EngineSettings): number {
  const medium = trackMedium(track);
  if (medium === "electricity") return s.closeGraceMs;
  return Math.max(s.closeGraceMs, maxGapMs(track, s));
}

/** Drops accumulators of resolutions no longer configured (after a twin change). */
export function retain(track: MeterTrack, resolutions: readonly Resolution[]): void {
  for (const res of Object.keys(track.accums) as Resolution[]) {
    if (!resolutions.includes(res)) delete track.accums[res];
  }
}

function remember(track: MeterTrack, t: number, print: string): void {
  // State written before fingerprints were kept: its times match no fingerprint (a conflict).
  const prints = track.recentPrints ?? track.recent.map(() => "");
  track.recent.push(t);
  prints.push(print);
  const excess = track.recent.length - RECENT;
  if (excess > 0) {
    track.recent.splice(0, excess);
    prints.splice(0, excess);
  }
  track.recentPrints = prints;
}

/** FNV-1a (32 bit) of the values the engine uses: equal readings, equal fingerprints. */
export function fingerprint(v: ReadingValues): string {
  const regs = Object.keys(v.registers)
    .sort()
    .map((k) => `${k}=${v.registers[k]}`);
  const text = `${v.importWh}|${v.exportWh}|${v.powerW}|${regs.join(",")}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
