/**
 * Registers that integrate a per-second rate with exact integer accounting: a rate held constant over
 * each UTC second [s, s+1) adds rate x 1 s to an integer accumulator; the register shows
 * floor(accumulator / divisor). So a register only ever grows, and any test can recompute it to the unit.
 */
export class IntegratingRegister {
  private acc: number;

  /** `initial` in register units; `divisor` converts rate-seconds to register units (3600 for W to Wh). */
  constructor(
    initial: number,
    readonly divisor: number,
  ) {
    this.acc = initial * divisor;
  }

  add(ratePerSecond: number): void {
    this.acc += ratePerSecond;
  }

  /** Register value in its units (integer). */
  get value(): number {
    return Math.floor(this.acc / this.divisor);
  }

  /** The exact accumulator (rate-seconds), for tests that sum the rate themselves. */
  get accumulator(): number {
    return this.acc;
  }
}
