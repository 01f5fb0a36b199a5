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
  readonly catchUp?: { readonly speed: number; readonly untilSimMs: number };
}

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
  const c = (catchUp ?? {}) as { speed?: unknown; untilSimMs?: unknown };
  if (typeof c.speed !== "number" || !(c.speed > 0) || !Number.isFinite(c.speed))
    throw new SimClockError("catchUp.speed must be a positive number", raw);
  if (typeof c.untilSimMs !== "number" || !Number.isFinite(c.untilSimMs) || c.untilSimMs < simMs)
    throw new SimClockError("catchUp.untilSimMs must be a time at or after simMs", raw);
  return { wallMs, simMs, speed, catchUp: { speed: c.speed, untilSimMs: c.untilSimMs } };
}

/** The process's "now": the simulated clock of `OMDP_SIM_CLOCK` when set, the wall clock otherwise. */
export function clockFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): () => number {
  const raw = env[SIM_CLOCK_ENV];
  if (!raw) return Date.now;
  const epoch = parseSimEpoch(raw);
  return () => simNow(epoch);
}

/** The process's epoch from `OMDP_SIM_CLOCK` (undefined on a real edge device: the wall clock). */
export function epochFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): SimEpoch | undefined {
  const raw = env[SIM_CLOCK_ENV];
  return raw ? parseSimEpoch(raw) : undefined;
}
