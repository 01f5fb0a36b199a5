/**
 * Conversion from the codec's record units (tables/vif-*.ts, already scaled to the base unit) to the
 * units of normalised fields. One table: record unit -> field unit -> factor.
 */
import type { FieldUnit } from "./types";

const J_PER_KWH = 3_600_000;

const FACTORS: Readonly<Record<string, Partial<Record<FieldUnit, number>>>> = {
  Wh: { kwh: 1e-3, mwh: 1e-6, gj: 3.6e-6 },
  J: { kwh: 1 / J_PER_KWH, mwh: 1 / (J_PER_KWH * 1000), gj: 1e-9 },
  varh: { kvarh: 1e-3 },
  m3: { m3: 1 },
  degC: { c: 1 },
  K: { k: 1, c: 1 },
  W: { w: 1, kw: 1e-3 },
  "J/h": { w: 1 / 3600, kw: 1 / 3_600_000 },
  "m3/h": { m3h: 1 },
  "m3/min": { m3h: 60 },
  "m3/s": { m3h: 3600 },
  V: { v: 1 },
  A: { a: 1 },
  Hz: { hz: 1 },
  s: { s: 1, h: 1 / 3600 },
  bar: { bar: 1 },
  "%": { rh: 1 },
  "": { counter: 1, factor: 1, hca: 1, m3c: 1 },
};

/** Factor from `recordUnit` to `fieldUnit`, or null when they measure different things. */
export function conversion(recordUnit: string, fieldUnit: FieldUnit): number | null {
  return FACTORS[recordUnit]?.[fieldUnit] ?? null;
}

/** Rounds away binary noise of the conversion (1234.5 * 1e-3 = 1.2345000000000002). */
export function tidy(x: number): number {
  return Number.parseFloat(x.toPrecision(12));
}
