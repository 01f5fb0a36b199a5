/**
 * Water, gas and heat meters' measuring elements: seeded draw events integrated in whole millilitres
 * and watt-seconds, shown as litres (m3 with three decimals) and Wh.
 */
import { unit } from "./random";
import { IntegratingRegister } from "./registers";

export type MediumKind = "water" | "gas" | "heat";

/** A draw event as data: rate while it runs, run length, window, chance by local hour. */
interface Draw {
  readonly id: number;
  readonly mlPerS: number;
  readonly durationS: number;
  readonly windowS: number;
  readonly chance: (hour: number) => number;
}

const DRAWS: Record<MediumKind, readonly Draw[]> = {
  water: [
    {
      id: 1,
      mlPerS: 150,
      durationS: 480,
      windowS: 7200,
      chance: (h) => (h >= 6 && h < 9 ? 0.7 : h >= 19 && h < 23 ? 0.4 : 0),
    },
    { id: 2, mlPerS: 100, durationS: 60, windowS: 1800, chance: (h) => (h >= 6 && h < 23 ? 0.5 : 0.05) },
    { id: 3, mlPerS: 80, durationS: 30, windowS: 600, chance: (h) => (h >= 7 && h < 22 ? 0.3 : 0) },
  ],
  gas: [
    { id: 4, mlPerS: 60, durationS: 1200, windowS: 3600, chance: (h) => (h >= 5 && h < 23 ? 0.5 : 0.2) },
    { id: 5, mlPerS: 15, durationS: 1800, windowS: 10800, chance: (h) => (h >= 11 && h < 20 ? 0.5 : 0) },
  ],
  heat: [
    { id: 6, mlPerS: 120, durationS: 1800, windowS: 3600, chance: (h) => (h >= 5 && h < 23 ? 0.6 : 0.3) },
  ],
};

const hourOf = (localS: number) => Math.floor((((localS % 86400) + 86400) % 86400) / 3600);

/** Flow at one UTC second, mL/s (integer). */
export function flowAt(kind: MediumKind, seed: number, utcSecond: number, utcOffsetMin = 60): number {
  const localS = utcSecond + utcOffsetMin * 60;
  let flow = 0;
  for (const d of DRAWS[kind]) {
    const w = Math.floor(localS / d.windowS);
    if (unit(seed, 500 + d.id, w, 0) >= d.chance(hourOf(w * d.windowS))) continue;
    const offset = Math.floor(unit(seed, 500 + d.id, w, 1) * (d.windowS - d.durationS));
    const into = localS - w * d.windowS - offset;
    if (into >= 0 && into < d.durationS) flow += d.mlPerS;
  }
  return flow;
}

/** Heat: temperature difference in 0.1 K and the thermal power it carries (water, c = 4.186 kJ/(kg K)). */
export function heatPowerW(flowMlPerS: number, deltaDk: number): number {
  return Math.round((flowMlPerS * 4.186 * deltaDk) / 10);
}

export interface MediumSnapshot {
  readonly volumeL: number;
  readonly energyWh: number;
  readonly flowMlPerS: number;
  readonly powerW: number;
  readonly flowTempDc: number;
  readonly returnTempDc: number;
}

export class MediumElement {
  readonly volumeL: IntegratingRegister;
  readonly energyWh: IntegratingRegister;
  private next: number;

  /** Meter time (ms) up to which the registers are integrated. */
  get position(): number {
    return this.next * 1000;
  }
  private flow = 0;
  private power = 0;
  private flowTempDc = 600;
  private returnTempDc = 450;

  constructor(
    readonly kind: MediumKind,
    readonly seed: number,
    startMs: number,
    readonly utcOffsetMin = 60,
  ) {
    // keyed by seed, medium and name: a RegisterBank (a second `omdp start`) continues them
    this.volumeL = new IntegratingRegister(
      Math.floor(unit(seed, 20) * 900_000),
      1000,
      `${seed}:${kind}:volumeL`,
    );
    this.energyWh = new IntegratingRegister(
      kind === "heat" ? Math.floor(unit(seed, 21) * 40_000_000) : 0,
      3600,
      `${seed}:${kind}:energyWh`,
    );
    this.next = Math.floor(startMs / 1000);
  }

  advanceTo(tMs: number): void {
    const end = Math.floor(tMs / 1000);
    for (; this.next < end; this.next++) {
      this.flow = flowAt(this.kind, this.seed, this.next, this.utcOffsetMin);
      this.volumeL.add(this.flow);
      if (this.kind === "heat") {
        this.flowTempDc =
          this.flow > 0 ? 550 + Math.floor(unit(this.seed, 22, Math.floor(this.next / 60)) * 150) : 350;
        this.returnTempDc = this.flow > 0 ? this.flowTempDc - 150 : 330;
        this.power = heatPowerW(this.flow, this.flowTempDc - this.returnTempDc);
        this.energyWh.add(this.power);
      }
    }
  }

  get snapshot(): MediumSnapshot {
    return {
      volumeL: this.volumeL.value,
      energyWh: this.energyWh.value,
      flowMlPerS: this.flow,
      powerW: this.power,
      flowTempDc: this.flowTempDc,
      returnTempDc: this.returnTempDc,
    };
  }
}
