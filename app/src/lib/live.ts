/**
 * Live values from a `MeterReading` (packages/model): OBIS property ids to the numbers the Live view
 * shows. Pure; the view keeps one snapshot per meter.
 */
export interface PhaseValues {
  readonly phase: 1 | 2 | 3;
  readonly voltageV: number | null;
  readonly currentA: number | null;
  readonly powerW: number | null;
}

export interface LiveSnapshot {
  readonly meterId: string;
  readonly at: number;
  readonly importW: number | null;
  readonly exportW: number | null;
  readonly importRegisterWh: number | null;
  readonly exportRegisterWh: number | null;
  readonly powerFactor: number | null;
  readonly phases: readonly PhaseValues[];
}

export const OBIS_IDS = {
  importWh: "1-0:1.8.0",
  exportWh: "1-0:2.8.0",
  importW: "1-0:1.7.0",
  exportW: "1-0:2.7.0",
  powerFactor: "1-0:13.7.0",
  voltage: ["1-0:32.7.0", "1-0:52.7.0", "1-0:72.7.0"],
  current: ["1-0:31.7.0", "1-0:51.7.0", "1-0:71.7.0"],
  phasePower: ["1-0:21.7.0", "1-0:41.7.0", "1-0:61.7.0"],
} as const;

interface ReadingLike {
  meterId?: unknown;
  readingTime?: unknown;
  values?: unknown;
}

/** A snapshot from a reading, or null when it is not a reading with a meter id and a time. */
export function snapshotFromReading(raw: unknown): LiveSnapshot | null {
  if (!raw || typeof raw !== "object") return null;
  const r = raw as ReadingLike;
  if (typeof r.meterId !== "string" || !Array.isArray(r.values)) return null;
  const at = typeof r.readingTime === "string" ? new Date(r.readingTime).getTime() : Number.NaN;
  if (Number.isNaN(at)) return null;
  const v = new Map<string, number>();
  for (const pv of r.values as unknown[]) {
    if (!pv || typeof pv !== "object") continue;
    const { property, value } = pv as { property?: unknown; value?: unknown };
    if (typeof property === "string" && typeof value === "number" && Number.isFinite(value))
      v.set(property, value);
  }
  const get = (id: string): number | null => v.get(id) ?? null;
  const phases: PhaseValues[] = [];
  for (const i of [0, 1, 2] as const) {
    const p: PhaseValues = {
      phase: (i + 1) as 1 | 2 | 3,
      voltageV: get(OBIS_IDS.voltage[i]),
      currentA: get(OBIS_IDS.current[i]),
      powerW: get(OBIS_IDS.phasePower[i]),
    };
    if (p.voltageV !== null || p.currentA !== null || p.powerW !== null) phases.push(p);
  }
  return {
    meterId: r.meterId,
    at,
    importW: get(OBIS_IDS.importW),
    exportW: get(OBIS_IDS.exportW),
    importRegisterWh: get(OBIS_IDS.importWh),
    exportRegisterWh: get(OBIS_IDS.exportWh),
    powerFactor: get(OBIS_IDS.powerFactor),
    phases,
  };
}

/** Net power of a set of meters: import minus export (positive: drawing from the grid). */
export function householdPower(snaps: readonly LiveSnapshot[]): { importW: number; exportW: number } {
  let imp = 0;
  let exp = 0;
  for (const s of snaps) {
    imp += s.importW ?? 0;
    exp += s.exportW ?? 0;
  }
  return { importW: imp, exportW: exp };
}

/** Energy since the day's baseline register (Wh), never negative (a register reset shows 0, not garbage). */
export function energySince(baselineWh: number | null, currentWh: number | null): number | null {
  if (baselineWh === null || currentWh === null) return null;
  return Math.max(0, currentWh - baselineWh);
}
