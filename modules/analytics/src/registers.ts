/**
 * What the analytics take from a reading: electricity energy registers (cumulative, Wh) and net active
 * power, and how one register step between two consecutive readings is classified (normal, reset,
 * meter replaced). Energy and power are electricity only: a heat meter's energy (6-0:1.0.0) and heat
 * power (6-0:8.0.0) are not electricity, so its intervals have energy 0 and power null and its heat
 * is in `consumption` (media.ts), like a water meter's volume.
 */
import { type MeterReading, OBIS, propertyDefinition } from "@omdp/model";

/** Registers whose steps are energy imported (electricity A+). */
export const IMPORT_REGISTERS: readonly string[] = [OBIS.energyImport];
/** Registers whose steps are energy exported (electricity A-). */
export const EXPORT_REGISTERS: readonly string[] = [OBIS.energyExport];

export interface ReadingValues {
  /** Numeric values of every cumulative register in the catalogue, raw. */
  readonly registers: Record<string, number>;
  readonly importWh: number | null;
  readonly exportWh: number | null;
  /** Net active power P+ minus P- (W, negative while exporting); null without an electricity power. */
  readonly powerW: number | null;
}

function numeric(reading: MeterReading, property: string): number | null {
  const v = reading.values.find((x) => x.property === property)?.value;
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

function firstOf(reading: MeterReading, ids: readonly string[]): number | null {
  for (const id of ids) {
    const v = numeric(reading, id);
    if (v !== null) return v;
  }
  return null;
}

export function readingValues(reading: MeterReading): ReadingValues {
  const registers: Record<string, number> = {};
  for (const v of reading.values) {
    if (
      typeof v.value === "number" &&
      Number.isFinite(v.value) &&
      propertyDefinition(v.property)?.cumulative
    ) {
      registers[v.property] = v.value;
    }
  }
  const pImport = numeric(reading, OBIS.powerImport);
  const pExport = numeric(reading, OBIS.powerExport);
  const powerW = pImport !== null || pExport !== null ? (pImport ?? 0) - (pExport ?? 0) : null;
  return {
    registers,
    importWh: firstOf(reading, IMPORT_REGISTERS),
    exportWh: firstOf(reading, EXPORT_REGISTERS),
    powerW,
  };
}

export type StepKind = "normal" | "reset" | "meterReplaced";

export interface Step {
  readonly kind: StepKind;
  /** Energy attributed to the step (Wh), never negative. */
  readonly deltaWh: number;
}

/**
 * One register step `prev -> next` over `elapsedMs`. A step is plausible energy when it is at most what
 * `maxPowerW` delivers in the elapsed time (plus `resolution`, 1 Wh of register resolution). The same
 * rule serves the water, gas and HCA registers with their own rate per hour and resolution (media.ts);
 * `deltaWh` is then in the register's unit.
 * - rising and plausible: normal, the delta counts;
 * - falling to a value that is itself plausible since the step: the register was reset to zero and
 *   counted again, the new value counts (flag `reset`);
 * - anything else (a fall to a large value, or an implausible jump up): another meter now answers under
 *   this id; nothing counts for the step and the new value is the new baseline (flag `meterReplaced`).
 */
export function classifyStep(
  prev: number,
  next: number,
  elapsedMs: number,
  maxPowerW: number,
  resolution = 1,
): Step {
  const plausibleWh = (maxPowerW * Math.max(0, elapsedMs)) / 3_600_000 + resolution;
  const d = next - prev;
  if (d >= 0)
    return d <= plausibleWh ? { kind: "normal", deltaWh: d } : { kind: "meterReplaced", deltaWh: 0 };
  if (next >= 0 && next <= plausibleWh) return { kind: "reset", deltaWh: next };
  return { kind: "meterReplaced", deltaWh: 0 };
}
