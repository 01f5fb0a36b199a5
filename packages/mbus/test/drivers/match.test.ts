/**
 * The matcher picks the most specific driver; without one the generic names apply. The telegram is
 * wmbusmeters' 'Kamstrup_403_mbus' test (KAM, version 0x34, medium 4); the values are wmbusmeters'.
 */
import { describe, expect, it } from "vitest";
import {
  decodeTelegramHex,
  type MeterDriver,
  pickDriver,
  readValues,
  type VariableData,
} from "../../src/index";

const HEX =
  "68464668084a72447744772d2c3404060000000406ce86000004ff073444020004ff08f8ce0100041411680300043B0f02000002593c19025da41104ff220000000004a5ff21c7d02700d916";

function telegram(): VariableData {
  const r = decodeTelegramHex(HEX);
  if (!r.ok || r.value.type !== "variable") throw new Error("fixture does not decode");
  return r.value;
}

const driver = (name: string, match: MeterDriver["match"]): MeterDriver => ({
  name,
  meter: name,
  source: "test",
  match,
  fields: [
    {
      name: "forward_energy",
      unit: "m3c",
      quantity: "energyVolume",
      from: { vif: { table: "manufacturer", code: 7 } },
    },
  ],
  golden: [],
});

describe("driver matching", () => {
  it("prefers manufacturer + version + medium over fewer, whatever the order", () => {
    const h = telegram().header;
    const any = driver("any", { manufacturer: "KAM" });
    const version = driver("version", { manufacturer: "KAM", version: 0x34 });
    const both = driver("both", { manufacturer: "KAM", version: [0x33, 0x34], medium: 4 });
    expect(pickDriver(h, [any, version, both])?.name).toBe("both");
    expect(pickDriver(h, [both, version, any])?.name).toBe("both");
    expect(pickDriver(h, [any, version])?.name).toBe("version");
    expect(pickDriver(h, [driver("other", { manufacturer: "KAM", version: 0x35 })])).toBeUndefined();
    expect(pickDriver(h, [driver("water", { manufacturer: "KAM", medium: 7 })])).toBeUndefined();
  });

  it("without a driver, standard records get generic names and manufacturer records none", () => {
    const r = readValues(telegram(), []);
    expect(r.driver).toBe("generic");
    expect(r.values).toMatchObject({
      total_energy_consumption_kwh: 34510,
      total_volume_m3: 2232.49,
      volume_flow_m3h: 0.527,
      flow_temperature_c: 64.6,
      return_temperature_c: 45.16,
    });
    expect(r.values.forward_energy_m3c).toBeUndefined();
  });

  it("a driver names the manufacturer record and keeps the generic names of the others", () => {
    const r = readValues(telegram(), [driver("kam", { manufacturer: "KAM" })]);
    expect(r.driver).toBe("kam");
    expect(r.values.forward_energy_m3c).toBe(148532);
    expect(r.values.total_energy_consumption_kwh).toBe(34510);
  });
});
