/**
 * Simulated "now" shared by every process of a simulated platform (`omdp start`). The supervisor fixes
 * one epoch (a wall instant, the simulated time at that instant, the speed) and hands it to each
 * component in `OMDP_SIM_CLOCK`; a component that judges time (analytics' future and silent-meter
 * checks, events' timers, sharing's retention and default ranges) reads its "now" from it. Without the
 * variable (a real edge device) "now" is the wall clock.
 */
export const SIM_CLOCK_ENV = "OMDP_SIM_CLOCK";

export interface SimEpoch {
  /** Wall time of the epoch, ms since 1970 (Date.now of the supervisor). */
  readonly wallMs: number;
  /** Simulated time at `wallMs`, ms since 1970. */
  readonly simMs: number;
  /** Simulated ms per wall ms (> 0). */
  readonly speed: number;
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
  return epoch.simMs + Math.floor((wallMs - epoch.wallMs) * epoch.speed);
}

export function encodeSimEpoch(epoch: SimEpoch): string {
  return JSON.stringify({ wallMs: epoch.wallMs, simMs: epoch.simMs, speed: epoch.speed });
}

export function parseSimEpoch(raw: string): SimEpoch {
  let o: Partial<Record<keyof SimEpoch, unknown>>;
  try {
    o = JSON.parse(raw) as typeof o;
  } catch {
    throw new SimClockError("not JSON", raw);
  }
  const { wallMs, simMs, speed } = o ?? {};
  if (typeof wallMs !== "number" || !Number.isFinite(wallMs))
    throw new SimClockError("wallMs is not a time", raw);
  if (typeof simMs !== "number" || !Number.isFinite(simMs))
    throw new SimClockError("simMs is not a time", raw);
  if (typeof speed !== "number" || !(speed > 0) || !Number.isFinite(speed))
    throw new SimClockError("speed must be a positive number", raw);
  return { wallMs, simMs, speed };
}

/** The process's "now": the simulated clock of `OMDP_SIM_CLOCK` when set, the wall clock otherwise. */
export function clockFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): () => number {
  const raw = env[SIM_CLOCK_ENV];
  if (!raw) return Date.now;
  const epoch = parseSimEpoch(raw);
  return () => simNow(epoch);
}
