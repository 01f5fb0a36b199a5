/**
 * A seeded household load curve: base load, morning and evening peaks, appliances switching, optional
 * PV injection by daylight. Every sample is a pure function of (profile, second), integer watts, so the
 * registers that integrate it can be checked to the watt-hour.
 */
import { hash32, unit } from "./random";

export interface HouseholdProfile {
  readonly seed: number;
  readonly baseLoadW: number;
  readonly morningPeakW: number;
  readonly eveningPeakW: number;
  /** 0 without PV. */
  readonly pvPeakW: number;
  /** Local time of the household relative to UTC, minutes (the curve follows local time). */
  readonly utcOffsetMin: number;
}

/** One second of the household, all integers. */
export interface PowerSample {
  readonly loadW: number;
  readonly pvW: number;
  /** Net active power drawn from the grid (A+ direction), W. */
  readonly importW: number;
  /** Net active power fed into the grid (A- direction), W. */
  readonly exportW: number;
  readonly reactiveImportVar: number;
  readonly reactiveExportVar: number;
  /** Per phase, decivolts (2300 = 230.0 V). */
  readonly voltageDv: readonly [number, number, number];
  /** Per phase, centiamperes. */
  readonly currentCa: readonly [number, number, number];
  /** Power factor in thousandths. */
  readonly powerFactorMilli: number;
}

/** Appliances as data: rated power, run length, the window they are scheduled in, and how likely they run. */
interface Appliance {
  readonly id: number;
  readonly watts: number;
  readonly durationS: number;
  readonly windowS: number;
  /** Probability to run in a window by the local hour the window starts. */
  readonly chance: (hour: number) => number;
  readonly phase: 0 | 1 | 2;
}

const APPLIANCES: readonly Appliance[] = [
  {
    id: 1,
    watts: 2000,
    durationS: 180,
    windowS: 1800,
    phase: 0,
    chance: (h) => (h >= 6 && h < 9 ? 0.6 : h >= 9 && h < 22 ? 0.15 : 0),
  },
  {
    id: 2,
    watts: 2100,
    durationS: 1500,
    windowS: 14400,
    phase: 1,
    chance: (h) => (h >= 8 && h < 20 ? 0.45 : 0),
  },
  {
    id: 3,
    watts: 2400,
    durationS: 2700,
    windowS: 3600,
    phase: 2,
    chance: (h) => (h >= 11 && h < 13 ? 0.2 : h >= 17 && h < 19 ? 0.4 : 0),
  },
  {
    id: 4,
    watts: 1800,
    durationS: 3600,
    windowS: 10800,
    phase: 1,
    chance: (h) => (h >= 19 && h < 23 ? 0.5 : 0),
  },
  {
    id: 5,
    watts: 1200,
    durationS: 600,
    windowS: 7200,
    phase: 0,
    chance: (h) => (h >= 6 && h < 23 ? 0.2 : 0),
  },
];

/** A household profile drawn from a seed. */
export function householdProfile(
  seed: number,
  opts: { pv?: boolean; utcOffsetMin?: number } = {},
): HouseholdProfile {
  return {
    seed,
    baseLoadW: 120 + Math.floor(unit(seed, 1) * 230),
    morningPeakW: 300 + Math.floor(unit(seed, 2) * 600),
    eveningPeakW: 600 + Math.floor(unit(seed, 3) * 900),
    pvPeakW: opts.pv ? 3000 + Math.floor(unit(seed, 4) * 5000) : 0,
    utcOffsetMin: opts.utcOffsetMin ?? 60,
  };
}

const gauss = (x: number, mu: number, sigma: number) => Math.exp(-((x - mu) ** 2) / (2 * sigma * sigma));

function applianceWatts(p: HouseholdProfile, a: Appliance, localS: number): number {
  const w = Math.floor(localS / a.windowS);
  const windowStart = w * a.windowS;
  const hour = Math.floor((((windowStart % 86400) + 86400) % 86400) / 3600);
  if (unit(p.seed, 100 + a.id, w, 0) >= a.chance(hour)) return 0;
  const offset = Math.floor(unit(p.seed, 100 + a.id, w, 1) * (a.windowS - a.durationS));
  const into = localS - windowStart - offset;
  return into >= 0 && into < a.durationS ? a.watts : 0;
}

/** The fridge cycles all day: on for a third of each hour at a seeded phase. */
function fridgeWatts(p: HouseholdProfile, localS: number): number {
  const phase = hash32(p.seed, 7) % 3600;
  return (localS + phase) % 3600 < 1200 ? 90 : 0;
}

/** PV output by daylight: a seasonal day length, a sine over the day, clouds per 10 minutes. */
function pvWatts(p: HouseholdProfile, localS: number): number {
  if (p.pvPeakW === 0) return 0;
  const day = Math.floor(localS / 86400);
  const doy = ((day % 365) + 365) % 365;
  const dayLenH = 12 + 4 * Math.sin((2 * Math.PI * (doy - 80)) / 365);
  const sunrise = 12.5 - dayLenH / 2;
  const h = (((localS % 86400) + 86400) % 86400) / 3600;
  const x = (h - sunrise) / dayLenH;
  if (x <= 0 || x >= 1) return 0;
  const season = 0.65 + 0.35 * Math.sin((2 * Math.PI * (doy - 80)) / 365);
  const cloud = 0.3 + 0.7 * unit(p.seed, 200, Math.floor(localS / 600));
  return Math.round(p.pvPeakW * Math.sin(Math.PI * x) ** 1.5 * season * cloud);
}

/** The household at one UTC second (seconds since the epoch). */
export function sampleAt(p: HouseholdProfile, utcSecond: number): PowerSample {
  const localS = utcSecond + p.utcOffsetMin * 60;
  const h = (((localS % 86400) + 86400) % 86400) / 3600;
  const noise = 0.95 + 0.1 * unit(p.seed, 300, Math.floor(localS / 10));
  const smooth =
    p.baseLoadW +
    p.morningPeakW * gauss(h, 7.5, 1) +
    p.eveningPeakW * (gauss(h, 19.5, 1.5) + gauss(h - 24, 19.5, 1.5));
  const phaseW = [smooth * 0.4 * noise, smooth * 0.35 * noise, smooth * 0.25 * noise];
  phaseW[0] += fridgeWatts(p, localS);
  for (const a of APPLIANCES) phaseW[a.phase] += applianceWatts(p, a, localS);
  const pvW = pvWatts(p, localS);
  const loads = phaseW.map((w) => Math.round(w));
  const loadW = loads[0] + loads[1] + loads[2];
  const net = loadW - pvW;
  const importW = Math.max(0, net);
  const exportW = Math.max(0, -net);
  const reactiveImportVar = Math.round(loadW * 0.2);
  const reactiveExportVar = Math.round(pvW * 0.05);
  const pvPerPhase = pvW / 3;
  const voltageDv = [0, 1, 2].map(
    (i) =>
      2300 +
      Math.round(
        40 * Math.sin((2 * Math.PI * h) / 24 + i) + 20 * unit(p.seed, 400 + i, Math.floor(localS / 5)) - 10,
      ),
  ) as [number, number, number];
  const currentCa = [0, 1, 2].map((i) =>
    Math.round((Math.abs(loads[i] - pvPerPhase) / (voltageDv[i] / 10)) * 100),
  ) as [number, number, number];
  const q = reactiveImportVar - reactiveExportVar;
  const s = Math.sqrt(net * net + q * q);
  const powerFactorMilli = s === 0 ? 1000 : Math.round((1000 * Math.abs(net)) / s);
  return {
    loadW,
    pvW,
    importW,
    exportW,
    reactiveImportVar,
    reactiveExportVar,
    voltageDv,
    currentCa,
    powerFactorMilli,
  };
}
