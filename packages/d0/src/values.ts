/**
 * Readout to the project's PropertyValue list (@omdp/model): one value per OBIS-like data set with the
 * OBIS id as the property (`1-0:1.8.0`; group A/B default to 1-0, electricity, unless told), in Wh / W /
 * var / V / A. Identifier registers (0.0, 96.1 serial numbers, 97.97 error code, 0.2 firmware) stay
 * text; other decimals are numbers. Data sets whose address is not OBIS-like, and empty values, are left out. Only the
 * first value group is emitted (later groups are capture times).
 */
import type { PropertyValue } from "@omdp/model";
import { type IdDefaults, obisId } from "./address";
import type { DataSet } from "./dataset";

const TEXT_REGISTERS: ReadonlySet<string> = new Set(["0.0", "96.1", "97.97", "0.2"]);

export function toReadingValues(sets: readonly DataSet[], defaults?: IdDefaults): PropertyValue[] {
  const out: PropertyValue[] = [];
  for (const s of sets) {
    const v = s.values[0];
    if (s.obis === undefined || v === undefined || v.text.trim() === "") continue;
    const property = obisId(s.obis, defaults);
    const isText = TEXT_REGISTERS.has(`${s.obis.c}.${s.obis.d}`) || v.number === undefined;
    out.push(
      isText
        ? { property, value: v.text, unit: v.unit }
        : { property, value: v.number as number, unit: v.unit },
    );
  }
  return out;
}
