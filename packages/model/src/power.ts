/**
 * Meters that report one signed total active power (OBIS 1-0:16.7.0, "sum Li active power", as SML and
 * D0 meters in Germany do) instead of P+ and P-: the catalogue's 1-0:1.7.0 (import) and 1-0:2.7.0
 * (export) are derived from it (positive = import, IEC 62056-61 C = 16 is "sum over all phases,
 * import - export"), so analytics reads the same ids from every protocol. Ids already present win.
 */
import type { PropertyValue } from "./schemas";

export function withPowerDirections(values: readonly PropertyValue[]): PropertyValue[] {
  const out = [...values];
  const total = values.find((v) => v.property === "1-0:16.7.0" && v.unit === "W");
  if (total === undefined || typeof total.value !== "number") return out;
  const has = (id: string) => values.some((v) => v.property === id);
  if (!has("1-0:1.7.0")) out.push({ property: "1-0:1.7.0", value: Math.max(0, total.value), unit: "W" });
  if (!has("1-0:2.7.0")) out.push({ property: "1-0:2.7.0", value: Math.max(0, -total.value), unit: "W" });
  return out;
}
