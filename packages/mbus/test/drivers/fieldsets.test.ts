/**
 * Standard fields take the generic fallback's names (written once in generic.ts), and no driver lists a
 * standard field the fallback would print anyway: a driver's last field is always one of its own.
 */
import { describe, expect, it } from "vitest";
import {
  DRIVERS,
  type DriverField,
  HEAT_STANDARD,
  repeated,
  standard,
  standardName,
} from "../../src/drivers/index";

/** True when the fallback prints this field as it stands: the first record at a place, its generic name. */
function isStandard(f: DriverField): boolean {
  const s = f.from;
  if (s.function === undefined || s.storage === undefined || s.tariff === undefined) return false;
  if (s.subunit === undefined || s.quantity === undefined || s.index !== undefined) return false;
  if (s.vif !== undefined || s.vife !== undefined || s.plainText !== undefined || f.scale !== undefined)
    return false;
  const { quantity, storage, tariff, subunit } = s;
  const n = standardName({ quantity, function: s.function, storage, tariff, subunit });
  return n !== null && n.name === f.name && n.unit === f.unit;
}

describe("standard field sets", () => {
  it("name standard records as the generic fallback does", () => {
    // EN 13757-3: storage 1 is the value at the last due date (wmbusmeters' target_*)
    expect(standard("volume", { storage: 1 })).toMatchObject({ name: "target_volume", unit: "m3" });
    expect(standard("power", { function: "maximum", tariff: 1 }).name).toBe("max_current_power_tariff_1");
    expect(standard("energy", { storage: 2, subunit: 1 }).name).toBe(
      "total_energy_consumption_storage_2_subunit_1",
    );
    expect(standard("onTime", { function: "error" }).name).toBe("at_error_on_time");
    expect(HEAT_STANDARD.map((f) => f.name)).toEqual([
      "total_energy_consumption",
      "total_volume",
      "current_power",
      "volume_flow",
      "flow_temperature",
      "return_temperature",
      "flow_return_temperature_difference",
    ]);
  });

  it("number the n-th record of a place, which the fallback leaves unnamed", () => {
    expect(repeated("voltage", 3)).toEqual({
      name: "voltage_3",
      unit: "v",
      quantity: "voltage",
      from: { quantity: "voltage", function: "instantaneous", storage: 0, tariff: 0, subunit: 0, index: 2 },
    });
  });

  it("refuse a quantity without a standard name", () => {
    expect(() => standard("energyVolume")).toThrow(TypeError);
  });

  it("no driver ends with a field the generic fallback prints the same", () => {
    const redundant = DRIVERS.filter((d) => d.fields.length > 0 && isStandard(d.fields.at(-1)!));
    expect(redundant.map((d) => d.name)).toEqual([]);
  });
});
