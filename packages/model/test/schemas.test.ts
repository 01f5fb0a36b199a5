import { describe, expect, it } from "vitest";
import {
  Event,
  IntervalRecord,
  intervalId,
  MeterReading,
  OBIS,
  obisFromBytes,
  propertyDefinition,
} from "../src";

const reading = {
  schemaVersion: 1,
  meterId: "KFM1234",
  readingTime: "2021-09-27T09:47:15+02:00",
  receivedAt: "2021-09-27T07:47:16.120Z",
  source: { protocol: "dlms", transport: "serial", gatewayId: "edge-1" },
  values: [{ property: OBIS.energyImport, value: 12937, unit: "Wh" }],
};

describe("contracts", () => {
  it("accepts a valid MeterReading and rejects one without an offset", () => {
    expect(MeterReading.safeParse(reading).success).toBe(true);
    const bad = MeterReading.safeParse({ ...reading, readingTime: "2021-09-27T09:47:15" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["readingTime"]);
  });

  it("makes deterministic interval ids and validates IntervalRecord", () => {
    const id = intervalId("m1", "PT15M", "2026-01-01T00:00:00+01:00");
    // one id whatever the offset: local midnight +01:00 is 23:00 UTC the day before (hand computed)
    expect(id).toBe("m1|PT15M|2025-12-31T23:00:00.000Z");
    expect(intervalId("m1", "PT15M", "2025-12-31T23:00:00Z")).toBe(id);
    expect(() => intervalId("m1", "PT15M", "soon")).toThrow(RangeError);
    const rec = IntervalRecord.parse({
      schemaVersion: 1,
      id,
      meterId: "m1",
      resolution: "PT15M",
      intervalStart: "2026-01-01T00:00:00+01:00",
      intervalEnd: "2026-01-01T00:15:00+01:00",
      energyImportedWh: 120,
      energyExportedWh: 0,
      powerMinW: 300,
      powerAvgW: 480,
      powerMaxW: 900,
      registers: { [OBIS.energyImport]: 1_000_120 },
      sampleCount: 180,
      quality: "complete",
    });
    expect(rec.flags).toEqual([]);
    expect(IntervalRecord.safeParse({ ...rec, energyImportedWh: -1 }).success).toBe(false);
  });

  it("validates event types", () => {
    const ev = {
      schemaVersion: 1,
      id: "e1",
      type: "meter.offline",
      severity: "warning",
      meterId: "m1",
      at: "2026-01-01T00:00:00Z",
    };
    expect(Event.parse(ev).details).toEqual({});
    expect(Event.safeParse({ ...ev, type: "Offline" }).success).toBe(false);
  });

  it("names OBIS codes from logical-name bytes", () => {
    expect(obisFromBytes([1, 0, 1, 8, 0, 255])).toBe("1-0:1.8.0");
    expect(obisFromBytes([0, 0, 96, 1, 0, 0])).toBe("0-0:96.1.0*0");
    expect(propertyDefinition("1-0:2.8.0")?.unit).toBe("Wh");
    expect(propertyDefinition("9-9:9.9.9")).toBeUndefined();
  });
});
