/**
 * The household page's view model. Readings are shaped like the wM-Bus example home's (examples/
 * home-wmbus.json: a DLMS electricity meter, a water, a heat and an HCA meter) with the OBIS ids and
 * units of the property catalogue (packages/model/src/obis.ts); intervals like the series contract's
 * example (/tmp D contract: a cold-water day `consumption: { "8-0:1.0.0": 0.142 }`, a heat meter's
 * `{ "6-0:1.0.0": 1250, "6-0:2.0.0": 0.031 }`). Expected texts are written out by hand.
 */
import { describe, expect, it } from "vitest";
import type { Interval } from "../src/lib/records";
import {
  consumptionOf,
  currentValues,
  formatValue,
  householdMedia,
  latestReading,
  type MeterData,
  meterMedium,
  statusText,
} from "../src/views/household-model";

const day = (o: Partial<Interval>): Interval => ({
  start: Date.parse("2026-12-01T23:00:00Z"),
  end: Date.parse("2026-12-02T23:00:00Z"),
  importWh: 0,
  exportWh: 0,
  powerMinW: null,
  powerAvgW: null,
  powerMaxW: null,
  quality: "complete",
  ...o,
});

const reading = (meterId: string, values: [string, number, string][]) => ({
  reading: {
    meterId,
    readingTime: "2026-12-02T10:00:00Z",
    values: values.map(([property, value, unit]) => ({ property, value, unit })),
  },
});

const WATER = reading("71000031", [
  ["0-0:97.97.0", 0, ""],
  ["8-0:2.0.0", 0.012, "m3/h"],
  ["8-0:1.0.0", 123.456, "m3"],
]);
const HEAT = reading("71000032", [
  ["6-0:11.0.0", 38.25, "degC"],
  ["6-0:1.0.0", 4_567_890, "Wh"],
  ["6-0:10.0.0", 55.5, "degC"],
  ["6-0:2.0.0", 12.5, "m3"],
  ["0-0:97.97.0", 0x04, ""],
]);

describe("household view model", () => {
  it("reads the edge's latest answer, with or without the { reading } envelope", () => {
    const r = latestReading(WATER)!;
    expect(r.meterId).toBe("71000031");
    expect(r.at).toBe(Date.UTC(2026, 11, 2, 10));
    expect(r.values).toHaveLength(3);
    expect(latestReading(WATER.reading)?.meterId).toBe("71000031");
    expect(latestReading({ reading: { meterId: "x", values: [] } })).toBeNull(); // no time
    expect(latestReading(null)).toBeNull();
  });

  it("formats each unit as a household reads it", () => {
    expect(formatValue(123.456, "m3")).toBe("123.456 m³");
    expect(formatValue(0.012, "m3/h")).toBe("0.012 m³/h");
    expect(formatValue(4_567_890, "Wh")).toBe("4,567.890 kWh"); // 4,567,890 Wh / 1000
    expect(formatValue(38.25, "degC")).toBe("38.3 °C"); // en-GB rounds half away from zero here: 38.25 -> 38.3
    expect(formatValue(1500, "W")).toBe("1.50 kW");
    expect(formatValue(1_382_656, "varh")).toBe("1,382.656 kvarh"); // / 1000
    expect(formatValue(250, "var")).toBe("0.250 kvar");
    expect(formatValue(321, "HCA")).toBe("321 HCA");
    expect(formatValue(7, "")).toBe("7");
  });

  it("says the EN 13757-7 status byte in words", () => {
    expect(statusText(0)).toBe("OK");
    expect(statusText(0x04)).toBe("battery low");
    // 0x1A = 0b11010: bits 0-1 = 10 (application error), bit 3 permanent, bit 4 temporary
    expect(statusText(0x1a)).toBe("application error, permanent error, temporary error");
    expect(statusText(0x03)).toBe("alarm");
  });

  it("lists a reading's values in catalogue order with names and units, status apart", () => {
    const v = currentValues(latestReading(HEAT)!);
    expect(v.map((x) => [x.label, x.text])).toEqual([
      ["Heat energy", "4,567.890 kWh"],
      ["Heat volume", "12.500 m³"],
      ["Flow temperature", "55.5 °C"],
      ["Return temperature", "38.3 °C"],
    ]);
  });

  it("takes the medium from the intervals, else from the reading's OBIS value group A", () => {
    expect(meterMedium(null, [day({ medium: "gas" })])).toBe("gas");
    expect(meterMedium(latestReading(WATER), [])).toBe("water");
    expect(meterMedium(latestReading(HEAT), [])).toBe("heat");
    expect(meterMedium(latestReading(reading("e", [["1-0:1.8.0", 1, "Wh"]])), [])).toBe("electricity");
    expect(meterMedium(null, [])).toBe("electricity");
  });

  it("sums consumption per register: electricity from energy, the others from consumption", () => {
    // Two water days: 0.1 + 0.2 m3 = 0.3 m3 (rounded to 1e-6 as the contract does, not 0.30000000000000004)
    const water = consumptionOf(
      [day({ consumption: { "8-0:1.0.0": 0.1 } }), day({ consumption: { "8-0:1.0.0": 0.2 } })],
      "water",
    );
    expect(water).toEqual([
      { property: "8-0:1.0.0", label: "Cold water volume", value: 0.3, text: "0.300 m³" },
    ]);
    // A heat meter's energy stays heat even though energyImportedWh carries it too
    const heat = consumptionOf(
      [day({ importWh: 1250, medium: "heat", consumption: { "6-0:2.0.0": 0.031, "6-0:1.0.0": 1250 } })],
      "heat",
    );
    expect(heat?.map((x) => x.text)).toEqual(["1.250 kWh", "0.031 m³"]);
    // Electricity: 2,500 + 1,250 Wh import = 3.750 kWh; export shown only when there was some
    expect(consumptionOf([day({ importWh: 2500 }), day({ importWh: 1250 })], "electricity")).toEqual([
      { property: "1-0:1.8.0", label: "Active energy import (A+)", value: 3750, text: "3.750 kWh" },
    ]);
    expect(consumptionOf([], "water")).toBeNull();
  });

  it("groups meters by medium, electricity first, then water, heat, gas, HCA", () => {
    const data = new Map<string, MeterData>([
      ["71000032", { latest: latestReading(HEAT), today: [], month: [] }],
      [
        "71000031",
        {
          latest: latestReading(WATER),
          today: [day({ medium: "water", consumption: { "8-0:1.0.0": 0.142 } })],
          month: [day({ medium: "water", consumption: { "8-0:1.0.0": 2.5 } })],
        },
      ],
      ["KFM1", { latest: null, today: [day({ importWh: 4200 })], month: [] }],
    ]);
    const sections = householdMedia(
      [{ id: "71000032" }, { id: "71000031", name: "Kitchen water" }, { id: "KFM1" }],
      data,
    );
    expect(sections.map((s) => s.title)).toEqual(["Electricity", "Water", "Heat"]);
    const water = sections[1]!.meters[0]!;
    expect(water.name).toBe("Kitchen water");
    expect(water.status).toBe("OK");
    expect(water.values.map((v) => v.text)).toEqual(["123.456 m³", "0.012 m³/h"]);
    expect(water.today?.map((v) => v.text)).toEqual(["0.142 m³"]);
    expect(water.month?.map((v) => v.text)).toEqual(["2.500 m³"]);
    expect(sections[2]!.meters[0]!.status).toBe("battery low");
    const elec = sections[0]!.meters[0]!;
    expect(elec.at).toBeNull();
    expect(elec.today?.map((v) => v.text)).toEqual(["4.200 kWh"]);
    expect(elec.month).toBeNull(); // no month interval yet: unknown, not zero
  });
});
