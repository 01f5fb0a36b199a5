/**
 * Registers that integrate a per-second rate with exact integer accounting: a rate held constant over
 * each UTC second [s, s+1) adds rate x 1 s to an integer accumulator; the register shows
 * floor(accumulator / divisor). So a register only ever grows, and any test can recompute it to the unit.
 *
 * A register with a key (`<seed>:<name>`, e.g. `42:importWh`) takes part in the active RegisterBank, when
 * there is one: it starts from the bank's saved accumulator instead of its seed value (never below it),
 * and the bank can read the live accumulators to save them. `omdp start` keeps one (simulator/src/
 * platform/meterState.ts, `<data>/sim/registers.json`), so a second start continues every register where
 * the first left it instead of going back to the seed values.
 */
export class IntegratingRegister {
  private acc: number;

  /** `initial` in register units; `divisor` converts rate-seconds to register units (3600 for W to Wh). */
  constructor(
    initial: number,
    readonly divisor: number,
    readonly key?: string,
  ) {
    this.acc = initial * divisor;
    if (key !== undefined && activeBank) this.acc = activeBank.attach(key, this.acc, this);
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

/** Register key to accumulator (rate-seconds). */
export type RegisterAccumulators = Readonly<Record<string, number>>;

/**
 * The registers of a running simulator by key, and the accumulators a previous run saved. The first
 * register made with a key is the live one (a meter asked for a past time builds throw-away elements
 * with the same keys later: they start from the same saved state but are not tracked).
 */
export class RegisterBank {
  private readonly saved: Map<string, number>;
  private readonly live = new Map<string, IntegratingRegister>();

  constructor(saved: RegisterAccumulators = {}) {
    this.saved = new Map(
      Object.entries(saved).filter(([, v]) => typeof v === "number" && Number.isFinite(v) && v >= 0),
    );
  }

  /** The accumulator a new register starts from: the saved one, unless the seed value is higher. */
  attach(key: string, initialAcc: number, register: IntegratingRegister): number {
    if (!this.live.has(key)) this.live.set(key, register);
    const saved = this.saved.get(key);
    return saved !== undefined && saved > initialAcc ? saved : initialAcc;
  }

  /** Every live register's accumulator (and saved ones no live register has taken up, kept as they were). */
  snapshot(): Record<string, number> {
    const out: Record<string, number> = Object.fromEntries(this.saved);
    for (const [key, r] of this.live) out[key] = Math.max(r.accumulator, out[key] ?? 0);
    return out;
  }
}

let activeBank: RegisterBank | undefined;

/** Makes `bank` the one keyed registers made from now on attach to (undefined: none, the default). */
export function useRegisterBank(bank: RegisterBank | undefined): void {
  activeBank = bank;
}
