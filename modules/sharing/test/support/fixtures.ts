import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Event, IntervalRecord, MeterReading, StatsMessage } from "@omdp/model";

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "omdp-sharing-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function reading(meterId: string, at: string | number, energyWh = 1000, powerW = 500): MeterReading {
  const t = new Date(at).toISOString();
  return {
    schemaVersion: 1,
    meterId,
    readingTime: t,
    receivedAt: t,
    source: { protocol: "dlms", transport: "raw", gatewayId: "gw-test" },
    values: [
      { property: "1-0:1.8.0", value: energyWh, unit: "Wh" },
      { property: "1-0:1.7.0", value: powerW, unit: "W" },
      { property: "1-0:32.7.0", value: 230.1, unit: "V" },
    ],
  };
}

export function interval(
  meterId: string,
  start: string | number,
  minutes = 15,
  energyWh = 100,
  resolution: IntervalRecord["resolution"] = "PT15M",
): IntervalRecord {
  const s = new Date(start).getTime();
  const intervalStart = new Date(s).toISOString();
  return {
    schemaVersion: 1,
    id: `${meterId}|${resolution}|${intervalStart}`,
    meterId,
    resolution,
    intervalStart,
    intervalEnd: new Date(s + minutes * 60_000).toISOString(),
    energyImportedWh: energyWh,
    energyExportedWh: 0,
    powerMinW: 100,
    powerAvgW: (energyWh * 60) / minutes,
    powerMaxW: 900,
    registers: { "1-0:1.8.0": 50_000 + energyWh, "1-0:32.7.0": 231 },
    sampleCount: minutes * 12,
    quality: "complete",
    flags: [],
  };
}

export function event(meterId: string, at: string | number, id = `ev-${meterId}-${at}`): Event {
  return {
    schemaVersion: 1,
    id,
    type: "threshold.power.exceeded",
    severity: "warning",
    meterId,
    at: new Date(at).toISOString(),
    details: { powerW: 9000 },
  };
}

/** A `StatsMessage` as analytics sends it: one local day of `meterId` and its month so far. */
export function stats(meterId: string, date: string, start: string, importedWh: number): StatsMessage {
  const end = new Date(Date.parse(start) + 86_400_000).toISOString();
  const figures = { importedWh, exportedWh: 0, peakDemandW: null, peakDemandAt: null, baseLoadW: null };
  return {
    kind: "stats",
    meterId,
    at: end,
    timeZone: "Europe/Vienna",
    final: false,
    day: {
      meterId,
      date,
      timeZone: "Europe/Vienna",
      start,
      end,
      intervals: 96,
      completeIntervals: 96,
      expectedIntervals: 96,
      ...figures,
    },
    month: { meterId, period: date.slice(0, 7), days: 1, completeness: 1, ...figures },
  };
}
