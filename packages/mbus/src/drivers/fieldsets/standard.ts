/**
 * Driver fields for standard EN 13757-3 records under the names the generic fallback gives them
 * (../generic.ts writes the names once). A driver lists them only where it must: before a field of its
 * own, so that the printed order stays the record order the meter sends.
 */
import { type RecordPlace, standardName } from "../generic";
import type { DriverField } from "../types";

/** Function, storage, tariff and subunit; each defaults to the current value (instantaneous, 0). */
export type Place = Partial<Omit<RecordPlace, "quantity">>;

function at(quantity: string, p: Place): RecordPlace {
  return { quantity, function: "instantaneous", storage: 0, tariff: 0, subunit: 0, ...p };
}

function field(place: RecordPlace, suffix: string, index?: number): DriverField {
  const n = standardName(place);
  if (n === null) throw new TypeError(`no standard name for ${place.quantity} (${place.function})`);
  return {
    name: `${n.name}${suffix}`,
    unit: n.unit,
    quantity: place.quantity,
    from: { ...place, ...(index === undefined ? {} : { index }) },
  };
}

/** The first record of a standard quantity at a place, under its generic name. */
export function standard(quantity: string, p: Place = {}): DriverField {
  return field(at(quantity, p), "");
}

/**
 * The n-th record (n >= 2) of a standard quantity at the same place, which the generic fallback does
 * not name (it names the first only): `<generic name>_<n>`, e.g. a meter's second volume register.
 */
export function repeated(quantity: string, n: number, p: Place = {}): DriverField {
  return field(at(quantity, p), `_${n}`, n - 1);
}
