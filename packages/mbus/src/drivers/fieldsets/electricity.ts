/**
 * Per-phase registers of electricity meters: a standard record (voltage, current, power) whose VIF is
 * followed by VIFE 0xFF (EN 13757-3 table 14: a manufacturer-specific VIFE follows) and then the number
 * of the phase or line, as the meter's manual assigns them (IME, Eltako).
 */
import type { DriverField, FieldUnit, RecordSelector } from "../types";

/** The three phases L1..L3. */
export const PHASES = [1, 2, 3] as const;

/** The VIFEs after the VIF (bit 7 cleared, as selectors compare them): 0xFF, then `n`. */
export function phaseVife(n: number): readonly number[] {
  return [0x7f, n];
}

/**
 * A field read from the record `from` selects whose VIFEs name phase (or line) `n`; `quantity` is what
 * the field measures when it differs from the record's (reactive power in a power record).
 */
export function phaseField(
  name: string,
  unit: FieldUnit,
  n: number,
  from: RecordSelector & { quantity: string },
  quantity: string = from.quantity,
): DriverField {
  return { name, unit, quantity, from: { ...from, vife: phaseVife(n) } };
}
