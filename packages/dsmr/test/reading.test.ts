/**
 * toMeterReading over every corpus fixture: each electricity value the source project's tests assert
 * comes out under its OBIS id in the catalogue's units; M-Bus channels under their medium's catalogue id.
 * Expected values are the fixtures' (from dsmr_parser / dsmr-reader), sums done by hand in comments.
 */
import { MeterReading } from "@omdp/model";
import { describe, expect, it } from "vitest";
import { decodeP1, toMeterReading } from "../src/index";
import { fixtureBytes, fixtures, obisId } from "./support/fixtures";

const CTX = { gatewayId: "gw", transport: "serial" as const, receivedAt: new Date("2026-01-01T00:00:00Z") };

function reading(name: string) {
  const f = fixtures().find((x) => x.name === name);
  if (!f) throw new Error(name);
  const keys = f.key === undefined ? undefined : { key: f.key, ...(f.authKey ? { authKey: f.authKey } : {}) };
  return toMeterReading(decodeP1(fixtureBytes(f), keys ? { keys } : {}), CTX);
}

const value = (r: MeterReading, property: string) => r.values.find((v) => v.property === property);

describe("DSMR toMeterReading", () => {
  for (const f of fixtures()) {
    it(`${f.name}: every asserted electricity value, a valid MeterReading`, () => {
      const r = reading(f.name);
      expect(MeterReading.parse(r).source.protocol).toBe("dsmr");
      for (const [dotted, expected] of Object.entries(f.expected)) {
        if (!dotted.startsWith("1.") || (f.units[dotted] ?? "") === "") continue;
        expect(value(r, obisId(dotted)), dotted).toEqual({
          property: obisId(dotted),
          value: expected,
          unit: f.units[dotted],
        });
      }
      // numbers only: no text, no ids, no profile buffers
      for (const v of r.values) expect(typeof v.value).toBe("number");
    });
  }

  it("Fluvius: totals from the tariffs, gas channel as 7-0:3.0.0, time placed by its S flag", () => {
    const r = reading("dsmr_reader_fluvius");
    // 1924.771 + 2549.919 kWh = 4474.690 kWh; 1968.710 + 692.984 kWh = 2661.694 kWh
    expect(value(r, "1-0:1.8.0")?.value).toBe(4_474_690);
    expect(value(r, "1-0:2.8.0")?.value).toBe(2_661_694);
    // 0-1:24.1.0(003) gas, 0-1:24.2.3(...)(01414.287*m3)
    expect(value(r, "7-0:3.0.0")).toEqual({ property: "7-0:3.0.0", value: 1414.287, unit: "m3" });
    // 0-0:1.0.0(200807082711S): summer time, +02:00
    expect(r.readingTime).toBe("2020-08-07T08:27:11+02:00");
    expect(r.values.some((v) => v.property.startsWith("0-"))).toBe(false);
  });

  it("two M-Bus channels of different media: gas 7-0:3.0.0 and water 8-0:1.0.0", () => {
    const r = reading("dsmr_parser_fluvius_v171");
    // 0-1:24.1.0(003) 0-1:24.2.3(...)(00112.384*m3); 0-2:24.1.0(007) 0-2:24.2.1(...)(00872.234*m3)
    expect(value(r, "7-0:3.0.0")?.value).toBe(112.384);
    expect(value(r, "8-0:1.0.0")?.value).toBe(872.234);
    // capacity tariff: 1-0:1.4.0(02.351*kW), 1-0:1.6.0(200509134558S)(02.589*kW)
    expect(value(r, "1-0:1.4.0")?.value).toBe(2351);
    expect(value(r, "1-0:1.6.0")?.value).toBe(2589);
  });

  it("the meter id: configured, else the equipment id, else the fallback", () => {
    const f = fixtures().find((x) => x.name === "dsmr_parser_fluvius_v171");
    const t = decodeP1(fixtureBytes(f!));
    expect(toMeterReading(t, { ...CTX, meterId: "m1" }).meterId).toBe("m1");
    // 0-0:96.1.1(3153414733313031303231363035): hex of the text "1SAG3101021605"
    expect(toMeterReading(t, CTX).meterId).toBe("1SAG3101021605");
    expect(
      toMeterReading({ ...t, equipmentId: undefined } as never, { ...CTX, fallbackId: "T" }).meterId,
    ).toBe("T");
  });
});
