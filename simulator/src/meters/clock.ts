import { type SimEpoch, simNow, wallAt } from "@omdp/edge-module";

/**
 * Meter time: starts at `start` and runs `speed` times faster than wall time. Readings carry meter time,
 * so a test at speed 1000 sees 5 s push intervals every 5 ms of wall time with the same values it would
 * see at speed 1.
 */
export class MeterClock {
  private readonly wall0: number;

  constructor(
    readonly start: number,
    readonly speed: number,
    private readonly wallNow: () => number = () => performance.now(),
  ) {
    if (!(speed > 0) || !Number.isFinite(speed))
      throw new RangeError(`speed must be a positive number, got ${speed}`);
    this.wall0 = wallNow();
  }

  /** Meter time now, ms since the epoch (integer). */
  now(): number {
    return this.start + Math.floor((this.wallNow() - this.wall0) * this.speed);
  }

  /** Wall milliseconds until meter time `t` (0 if already past). */
  wallDelayUntil(t: number): number {
    return Math.max(0, (t - this.now()) / this.speed);
  }
}

/**
 * Meter time on the platform's shared epoch (piecewise during a backfill: held, catch-up, then the
 * configured speed), so the meters push on the same "now" every module judges time by.
 */
export class EpochMeterClock extends MeterClock {
  private readonly epoch: () => SimEpoch;

  constructor(
    epoch: SimEpoch | (() => SimEpoch),
    private readonly wallMs: () => number = Date.now,
  ) {
    const source = typeof epoch === "function" ? epoch : () => epoch;
    super(simNow(source(), wallMs()), source().speed, wallMs);
    this.epoch = source;
  }

  override now(): number {
    return simNow(this.epoch(), this.wallMs());
  }

  /** While the clock is held (a backfill waiting for its start) the fleet looks again in 50 ms. */
  override wallDelayUntil(t: number): number {
    const epoch = this.epoch();
    const wall = this.wallMs();
    if (wall < epoch.wallMs && epoch.catchUp) return 50;
    return Math.max(0, wallAt(epoch, t) - wall);
  }
}
