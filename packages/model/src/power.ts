/**
 * Meters that report one signed total active power (OBIS 1-0:16.7.0, "sum Li active power", as SML and
 * D0 meters in Germany do) instead of P+ and P-: the catalogue's 1-0:1.7.0 (import) and 1-0:2.7.0
 * (export) are derived from it (positive = import, IEC 62056-61 C = 16 is "sum over all phases,
 * import - export"), so analytics reads the same ids from every protocol. Ids already present win.
 */
import type { PropertyValue } from "./schemas";

export function withPowerDirections(values: readonly PropertyValue[]): PropertyValue[] {
  const out = [...values];
  let total: PropertyValue | undefined;
  for (const v of values) if (v.property === "1-0:16.7.0" && v.unit === "W") total ??= v;
  if (total === undefined || typeof total.value !== "number") return out;
  if (!has(values, "1-0:1.7.0"))
    out.push({ property: "1-0:1.7.0", value: Math.max(0, total.value), unit: "W" });
  if (!has(values, "1-0:2.7.0"))
    out.push({ property: "1-0:2.7.0", value: Math.max(0, -total.value), unit: "W" });
  return out;
}

/** A module function, not a closure per call (the readers call this for every telegram). */
function has(values: readonly PropertyValue[], id: string): boolean {
  for (const v of values) if (v.property === id) return true;
  return false;
}
