/**
 * Simulated "now" shared by every process of a simulated platform (`omdp start`). The supervisor fixes
 * one epoch (a wall instant, the simulated time at that instant, the speed) and hands it to each
 * component in `OMDP_SIM_CLOCK`; a component that judges time (analytics' future and silent-meter
 * checks, events' timers, sharing's retention and default ranges) reads its "now" from it. Without the
 * variable (a real edge device) "now" is the wall clock.
 * A backfill (the first start on a new data dir) makes the clock piecewise: it starts in the past, runs
 * fast until it reaches the wall clock ("catch-up"), then at the configured speed, so every component
 * agrees on meter time through the switch.
 */
import { readFileSync } from "node:fs";

export const SIM_CLOCK_ENV = "OMDP_SIM_CLOCK";

export interface SimEpoch {
  /** Wall time of the epoch, ms since 1970 (Date.now of the supervisor). */
  readonly wallMs: number;
  /** Simulated time at `wallMs`, ms since 1970. */
  readonly simMs: number;
  /** Simulated ms per wall ms (> 0); after the catch-up, when there is one. */
  readonly speed: number;
  /**
   * A catch-up first (a backfill: `omdp start` on a new data dir begins in the past): the clock stays at
   * `simMs` until `wallMs`, runs at `catchUp.speed` until it reaches `catchUp.untilSimMs`, then at `speed`.
   */
  readonly catchUp?: {
    readonly speed: number;
    readonly untilSimMs: number;
    /**
     * The catch-up starts when the supervisor writes this file (`{"wallMs": <ms>}`: every component is
     * up); until then the clock stays at `simMs`. `goAt` turns such an epoch into a fixed one.
     */
    readonly goFile?: string;
  };
}

/** The epoch once the catch-up started at wall `goWallMs`: it still ends where it meets the wall clock. */
export function goAt(epoch: SimEpoch, goWallMs: number): SimEpoch {
  const c = epoch.catchUp;
  if (!c) return epoch;
  // (go - simMs) + d * speed = d  ... the catch-up lasts d = (go - simMs) / (speed - 1) wall ms
  const untilSimMs = Math.round(goWallMs + (goWallMs - epoch.simMs) / (c.speed - 1));
  return { ...epoch, wallMs: goWallMs, catchUp: { speed: c.speed, untilSimMs } };
}

/** Wall ms that stand for "not started yet" (the clock is held at simMs). */
const NOT_YET = 8.64e15;

/** Wall time at which the catch-up ends (the epoch's start when there is none). */
export function catchUpEndWall(epoch: SimEpoch): number {
  if (!epoch.catchUp) return epoch.wallMs;
  return epoch.wallMs + (epoch.catchUp.untilSimMs - epoch.simMs) / epoch.catchUp.speed;
}

/** True while the clock is in its catch-up segment at wall time `wallMs`. */
export function catchingUp(epoch: SimEpoch, wallMs = Date.now()): boolean {
  return epoch.catchUp !== undefined && wallMs < catchUpEndWall(epoch);
}

/** Simulated ms per wall ms at wall time `wallMs`. */
export function speedAt(epoch: SimEpoch, wallMs = Date.now()): number {
  return catchingUp(epoch, wallMs) ? epoch.catchUp!.speed : epoch.speed;
}

export class SimClockError extends Error {
  override readonly name = "SimClockError";
  constructor(
    message: string,
    readonly value: string,
  ) {
    super(`${SIM_CLOCK_ENV}: ${message}: ${value}`);
  }
}

/** Simulated time at wall time `wallMs`. */
export function simNow(epoch: SimEpoch, wallMs = Date.now()): number {
  const c = epoch.catchUp;
  if (!c) return epoch.simMs + Math.floor((wallMs - epoch.wallMs) * epoch.speed);
  // a backfill's clock is held at its start until the platform is up (wallMs), then runs fast
  const fast = epoch.simMs + Math.floor(Math.max(0, wallMs - epoch.wallMs) * c.speed);
  if (fast < c.untilSimMs) return fast;
  return c.untilSimMs + Math.floor((wallMs - catchUpEndWall(epoch)) * epoch.speed);
}

/** Wall time at which simulated time `simMs` is reached (the inverse of `simNow`). */
export function wallAt(epoch: SimEpoch, simMs: number): number {
  const c = epoch.catchUp;
  if (c && simMs < c.untilSimMs) return epoch.wallMs + (simMs - epoch.simMs) / c.speed;
  const [w0, s0] = c ? [catchUpEndWall(epoch), c.untilSimMs] : [epoch.wallMs, epoch.simMs];
  return w0 + (simMs - s0) / epoch.speed;
}

export function encodeSimEpoch(epoch: SimEpoch): string {
  return JSON.stringify({
    wallMs: epoch.wallMs,
    simMs: epoch.simMs,
    speed: epoch.speed,
    ...(epoch.catchUp ? { catchUp: epoch.catchUp } : {}),
  });
}

export function parseSimEpoch(raw: string): SimEpoch {
  let o: Partial<Record<keyof SimEpoch, unknown>>;
  try {
    o = JSON.parse(raw) as typeof o;
  } catch {
    throw new SimClockError("not JSON", raw);
  }
  const { wallMs, simMs, speed, catchUp } = (o ?? {}) as typeof o & { catchUp?: unknown };
  if (typeof wallMs !== "number" || !Number.isFinite(wallMs))
    throw new SimClockError("wallMs is not a time", raw);
  if (typeof simMs !== "number" || !Number.isFinite(simMs))
    throw new SimClockError("simMs is not a time", raw);
  if (typeof speed !== "number" || !(speed > 0) || !Number.isFinite(speed))
    throw new SimClockError("speed must be a positive number", raw);
  if (catchUp === undefined) return { wallMs, simMs, speed };
  const c = (catchUp ?? {}) as { speed?: unknown; untilSimMs?: unknown; goFile?: unknown };
  if (typeof c.speed !== "number" || !(c.speed > 0) || !Number.isFinite(c.speed))
    throw new SimClockError("catchUp.speed must be a positive number", raw);
  if (typeof c.untilSimMs !== "number" || !Number.isFinite(c.untilSimMs) || c.untilSimMs < simMs)
    throw new SimClockError("catchUp.untilSimMs must be a time at or after simMs", raw);
  if (c.goFile !== undefined && (typeof c.goFile !== "string" || c.goFile === ""))
    throw new SimClockError("catchUp.goFile must be a path", raw);
  return {
    wallMs,
    simMs,
    speed,
    catchUp: { speed: c.speed, untilSimMs: c.untilSimMs, ...(c.goFile ? { goFile: c.goFile } : {}) },
  };
}

/**
 * The process's epoch as it stands now: fixed, or (a backfill) held until the supervisor's go file
 * appears (looked at every 50 ms at most), then fixed at the time it holds. `read` returns the file's
 * content or undefined when it is not there.
 */
export function epochSource(epoch: SimEpoch, read: (path: string) => string | undefined): () => SimEpoch {
  const file = epoch.catchUp?.goFile;
  if (!file) return () => epoch;
  let fixed: SimEpoch | undefined;
  let lookedAt = Number.NEGATIVE_INFINITY;
  const held: SimEpoch = { ...epoch, wallMs: NOT_YET, catchUp: { ...epoch.catchUp!, untilSimMs: NOT_YET } };
  return () => {
    if (fixed) return fixed;
    const now = Date.now();
    if (now - lookedAt < 50) return held;
    lookedAt = now;
    const text = read(file);
    if (text === undefined) return held;
    const go = (JSON.parse(text) as { wallMs?: unknown }).wallMs;
    if (typeof go !== "number" || !Number.isFinite(go))
      throw new SimClockError("go file without wallMs", text);
    fixed = goAt(epoch, go);
    return fixed;
  };
}

function readIfThere(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** The process's "now": the simulated clock of `OMDP_SIM_CLOCK` when set, the wall clock otherwise. */
export function clockFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): () => number {
  const source = epochFromEnv(env);
  if (!source) return Date.now;
  return () => simNow(source());
}

/** The process's epoch from `OMDP_SIM_CLOCK` (undefined on a real edge device: the wall clock). */
export function epochFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): (() => SimEpoch) | undefined {
  const raw = env[SIM_CLOCK_ENV];
  return raw ? epochSource(parseSimEpoch(raw), readIfThere) : undefined;
}
