/**
 * toMeterReading over the corpus fixtures (vzlogger's and smartmeter-obis' readouts): the registers the
 * sources assert under their OBIS ids in Wh/W/V/A, the meter id from the identification line, and the
 * signed total power 16.7 as P+/P-.
 */
import { MeterReading } from "@omdp/model";
import { describe, expect, it } from "vitest";
import { decodeReadout, toMeterReading } from "../src/index";
import { fixture, fixtureBytes, fixtures } from "./support/fixtures";

const CTX = { gatewayId: "gw", transport: "serial" as const, receivedAt: new Date("2026-01-01T00:00:00Z") };

describe("D0 toMeterReading", () => {
  for (const f of fixtures()) {
    it(`${f.name}: a valid MeterReading of numbers`, () => {
      const r = toMeterReading(decodeReadout(fixtureBytes(f)), CTX);
      expect(MeterReading.parse(r).source.protocol).toBe("d0");
      for (const v of r.values) expect(typeof v.value).toBe("number");
    });
  }

  it("Landis+Gyr E350 (vzlogger MeterD0.LuG_E350): registers, voltages, 16.7 as P+", () => {
    const r = toMeterReading(decodeReadout(fixtureBytes(fixture("vzlogger_lug_e350"))), CTX);
    // 1.8.0(000219.252*kWh), 2.8.0(000000.000*kWh), 32.7(233*V), 31.7(002.30*A), 16.7(001.66*kW)
    expect(r.values).toContainEqual({ property: "1-0:1.8.0", value: 219_252, unit: "Wh" });
    expect(r.values).toContainEqual({ property: "1-0:2.8.0", value: 0, unit: "Wh" });
    expect(r.values).toContainEqual({ property: "1-0:32.7.0", value: 233, unit: "V" });
    expect(r.values).toContainEqual({ property: "1-0:31.7.0", value: 2.3, unit: "A" });
    expect(r.values).toContainEqual({ property: "1-0:1.7.0", value: 1660, unit: "W" });
    expect(r.values).toContainEqual({ property: "1-0:2.7.0", value: 0, unit: "W" });
    // identification /LGZ4ZMF100AC.M27
    expect(r.meterId).toBe("LGZZMF100AC.M27");
  });
});
