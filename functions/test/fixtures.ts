import { type Event, type IntervalRecord, intervalId, type MeterReading } from "@omdp/model";
import type { IntervalWrite } from "../src/series/types";
import { rowFromInterval } from "../src/series/types";

export function interval(meterId: string, startMs: number, importWh: number, minutes = 15): IntervalRecord {
  const intervalStart = new Date(startMs).toISOString();
  const resolution = minutes === 60 ? "PT1H" : "PT15M";
  return {
    schemaVersion: 1,
    id: intervalId(meterId, resolution, intervalStart),
    meterId,
    resolution,
    intervalStart,
    intervalEnd: new Date(startMs + minutes * 60_000).toISOString(),
    energyImportedWh: importWh,
    energyExportedWh: 1,
    powerMinW: importWh,
    powerAvgW: importWh * 4,
    powerMaxW: importWh * 8,
    registers: { "1-0:1.8.0": 5_000_000 + importWh },
    sampleCount: 15,
    quality: "complete",
    flags: [],
  };
}

export function writes(
  meterId: string,
  householdId: string,
  timeZone: string,
  startMs: number,
  count: number,
  wh: (i: number) => number = (i) => 10 + i,
): IntervalWrite[] {
  return Array.from({ length: count }, (_, i) => ({
    ...rowFromInterval(interval(meterId, startMs + i * 900_000, wh(i)), householdId),
    timeZone,
  }));
}

export function reading(meterId: string, time: string, power: number): MeterReading {
  return {
    schemaVersion: 1,
    meterId,
    readingTime: time,
    receivedAt: time,
    source: { protocol: "dlms", transport: "serial", gatewayId: "edge-local" },
    values: [
      { property: "1-0:1.7.0", value: power, unit: "W" },
      { property: "1-0:1.8.0", value: 123456, unit: "Wh" },
    ],
  };
}

export function event(id: string, meterId: string, at: string): Event {
  return {
    schemaVersion: 1,
    id,
    type: "threshold.power.exceeded",
    severity: "warning",
    meterId,
    at,
    details: { limitW: 3000 },
  };
}
