/**
 * The platform's one simulated clock. The supervisor fixes the epoch at start (wall now, simulated start,
 * speed) and gives it to every component (`OMDP_SIM_CLOCK`, read by `clockFromEnv` in
 * @omdp/edge-module): the meters stamp readings with it and the modules judge "future", "late" and
 * "silent" against it, so at --speed 60 nothing is from the future.
 *
 * The data dir records how far simulated time has gone (`<data>/sim/clock.json`), so a later start on the
 * same data dir continues from there instead of going back (its readings would all count as late). While
 * running, the file holds a lease a little ahead of simulated now (written every few seconds), so a
 * supervisor killed without a chance to save still never lets the next start go back; a clean stop writes
 * the exact time.
 *
 * Backfill: on a new data dir (no recorded time) with start `now`, the clock starts `backfill` in the past
 * (default P30D), held there until the platform is up (the supervisor writes GO_FILE), then runs at BACKFILL_SPEED until it reaches the
 * wall clock, then at the configured speed (a piecewise epoch: every component agrees on meter time).
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type SimEpoch, simNow } from "@omdp/edge-module";
import { writePrivateFile } from "./dataDir";

export const CLOCK_FILE = join("sim", "clock.json");
/** Written by the supervisor once every component is up: a backfill's catch-up starts then. */
export const GO_FILE = join("sim", "go.json");
/** How often the lease is renewed, and how far ahead (both wall ms). */
const LEASE_EVERY_MS = 5_000;
const LEASE_AHEAD_MS = 15_000;

export class ClockFileError extends Error {
  override readonly name = "ClockFileError";
  constructor(
    readonly path: string,
    readonly content: string,
  ) {
    super(`${path}: not a simulated clock state (expected {"simMs": <ms>}): ${content.slice(0, 120)}`);
  }
}

/**
 * Simulated ms per wall ms while a backfill catches up: 30 days in 86 s. Measured on 2 shared cores
 * (load average about 4), P30D from `startPlatform` to every DLMS quarter hour in the cloud: with a
 * window of 32 (reader) and 16 (sharing upstream) sends awaiting the hub's PUBACK, 60 s at 90,000x
 * (up 9 s, clock 29 s, the cloud complete 22 s after it) and 71 s at 60,000x; but the local hub stored
 * concurrent sends of one client out of order (tests/edge/sharing-outbox), so the senders send one at
 * a time, and then the cloud had 807 of 2,878 quarter hours 53 s after a 90,000x clock. At this speed
 * one-at-a-time senders keep up (about 100 s in all).
 */
export const BACKFILL_SPEED = 30_000;

export class DurationError extends Error {
  override readonly name = "DurationError";
  constructor(
    readonly setting: string,
    readonly value: string,
  ) {
    super(`${setting}: not an ISO 8601 duration (PnW, PnDTnHnMnS) or 0: ${value}`);
  }
}

/** ISO 8601 duration (clause 4.4.3.2; weeks, days, hours, minutes, seconds; no months or years) in ms; "0" is 0. */
export function parseBackfill(value: string, setting = "OMDP_SIM_BACKFILL"): number {
  const v = value.trim().toUpperCase();
  if (v === "0") return 0;
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(v);
  if (!m || v === "P" || v.endsWith("T")) throw new DurationError(setting, value);
  const [w, d, h, min, sec] = m.slice(1).map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return ((((w * 7 + d) * 24 + h) * 60 + min) * 60 + sec) * 1000;
}

export interface EpochChoice {
  readonly epoch: SimEpoch;
  /** The simulated start asked for (`now` or OMDP_SIM_START). */
  readonly requestedMs: number;
  /** The data dir's recorded simulated time, when there is one. */
  readonly recordedMs?: number;
  /** True when the recorded time is later than the one asked for: the clock continues from it. */
  readonly continued: boolean;
  /** Simulated ms the clock catches up (a backfill on a new data dir), 0 when none. */
  readonly backfillMs: number;
}

/** The simulated time recorded in the data dir (undefined when none is). A damaged file is an error. */
export function recordedSimTime(dataDir: string): number | undefined {
  const path = join(dataDir, CLOCK_FILE);
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, "utf8");
  let simMs: unknown;
  try {
    simMs = (JSON.parse(text) as { simMs?: unknown }).simMs;
  } catch {
    throw new ClockFileError(path, text);
  }
  if (typeof simMs !== "number" || !Number.isFinite(simMs)) throw new ClockFileError(path, text);
  return simMs;
}

/**
 * Pure: the epoch from the requested start and the recorded time (simulated time never goes back). A
 * backfill happens only on a new data dir (nothing recorded) with start `now`: the clock is held at
 * `wallMs - backfillMs` until `wallMs + holdMs`, then catches up to the wall clock.
 */
export function chooseEpoch(
  start: string,
  speed: number,
  recordedMs: number | undefined,
  wallMs: number,
  backfill: { ms: number; holdMs?: number; speed?: number; goFile?: string } = { ms: 0 },
): EpochChoice {
  const requestedMs = start === "now" ? wallMs : Date.parse(start);
  const continued = recordedMs !== undefined && recordedMs > requestedMs;
  const recorded = recordedMs !== undefined ? { recordedMs } : {};
  if (recordedMs === undefined && start === "now" && backfill.ms > 0) {
    const fast = Math.max(backfill.speed ?? BACKFILL_SPEED, speed * 2, 2);
    const go = wallMs + (backfill.holdMs ?? 0);
    // (go - B) + d * fast = go + d  =>  the catch-up lasts d = B / (fast - 1) wall ms and ends on the wall clock
    const untilSimMs = Math.round(go + backfill.ms / (fast - 1));
    return {
      epoch: {
        wallMs: go,
        simMs: go - backfill.ms,
        speed,
        catchUp: { speed: fast, untilSimMs, ...(backfill.goFile ? { goFile: backfill.goFile } : {}) },
      },
      requestedMs,
      continued: false,
      backfillMs: backfill.ms,
    };
  }
  return {
    epoch: { wallMs, simMs: continued ? recordedMs : requestedMs, speed },
    requestedMs,
    ...recorded,
    continued,
    backfillMs: 0,
  };
}

export function writeSimTime(dataDir: string, simMs: number): void {
  mkdirSync(join(dataDir, "sim"), { recursive: true, mode: 0o700 });
  writePrivateFile(
    join(dataDir, CLOCK_FILE),
    `${JSON.stringify({ simMs, simTime: new Date(simMs).toISOString() })}\n`,
  );
}

/** Keeps the lease in the data dir until `stop`, which records the exact simulated time. */
export function keepSimClock(dataDir: string, current: SimEpoch | (() => SimEpoch)): { stop(): void } {
  const epochNow = typeof current === "function" ? current : () => current;
  const renew = () => writeSimTime(dataDir, simNow(epochNow(), Date.now() + LEASE_AHEAD_MS));
  renew();
  const timer = setInterval(renew, LEASE_EVERY_MS);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      writeSimTime(dataDir, simNow(epochNow()));
    },
  };
}
