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
  constructor(
    private readonly epoch: SimEpoch,
    private readonly wallMs: () => number = Date.now,
  ) {
    super(simNow(epoch, wallMs()), epoch.speed, wallMs);
  }

  override now(): number {
    return simNow(this.epoch, this.wallMs());
  }

  override wallDelayUntil(t: number): number {
    return Math.max(0, wallAt(this.epoch, t) - this.wallMs());
  }
}
