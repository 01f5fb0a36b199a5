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
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type SimEpoch, simNow } from "@omdp/edge-module";
import { writePrivateFile } from "./dataDir";

export const CLOCK_FILE = join("sim", "clock.json");
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

export interface EpochChoice {
  readonly epoch: SimEpoch;
  /** The simulated start asked for (`now` or OMDP_SIM_START). */
  readonly requestedMs: number;
  /** The data dir's recorded simulated time, when there is one. */
  readonly recordedMs?: number;
  /** True when the recorded time is later than the one asked for: the clock continues from it. */
  readonly continued: boolean;
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

/** Pure: the epoch from the requested start and the recorded time (simulated time never goes back). */
export function chooseEpoch(
  start: string,
  speed: number,
  recordedMs: number | undefined,
  wallMs: number,
): EpochChoice {
  const requestedMs = start === "now" ? wallMs : Date.parse(start);
  const continued = recordedMs !== undefined && recordedMs > requestedMs;
  return {
    epoch: { wallMs, simMs: continued ? recordedMs : requestedMs, speed },
    requestedMs,
    ...(recordedMs !== undefined ? { recordedMs } : {}),
    continued,
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
export function keepSimClock(dataDir: string, epoch: SimEpoch): { stop(): void } {
  const renew = () => writeSimTime(dataDir, simNow(epoch, Date.now() + LEASE_AHEAD_MS));
  renew();
  const timer = setInterval(renew, LEASE_EVERY_MS);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      writeSimTime(dataDir, simNow(epoch));
    },
  };
}
