import type { IntervalRecord, MeterReading } from "@omdp/model";
import { Rule } from "../src/config";
import { RuleEngine } from "../src/engine";
import { emptyState } from "../src/state";

export function engine(rules: unknown[], timeZone = "Europe/Vienna"): RuleEngine {
  const parsed = rules.map((r) => Rule.parse(r));
  return new RuleEngine(emptyState(), { rules: () => parsed, timeZone: () => timeZone });
}

export function power(meterId: string, at: string | number, pImp: number, pExp?: number): MeterReading {
  const values: MeterReading["values"] = [{ property: "1-0:1.7.0", value: pImp, unit: "W" }];
  if (pExp !== undefined) values.push({ property: "1-0:2.7.0", value: pExp, unit: "W" });
  const iso = typeof at === "number" ? new Date(at).toISOString() : at;
  return {
    schemaVersion: 1,
    meterId,
    readingTime: iso,
    receivedAt: iso,
    source: { protocol: "dlms", transport: "raw", gatewayId: "gw" },
    values,
  };
}

/** A complete quarter hour with the given imported energy. */
export function quarter(
  meterId: string,
  startMs: number,
  importedWh: number,
  quality: IntervalRecord["quality"] = "complete",
): IntervalRecord {
  const intervalStart = new Date(startMs).toISOString();
  return {
    schemaVersion: 1,
    id: `${meterId}|PT15M|${intervalStart}`,
    meterId,
    resolution: "PT15M",
    intervalStart,
    intervalEnd: new Date(startMs + 900_000).toISOString(),
    energyImportedWh: importedWh,
    energyExportedWh: 0,
    powerMinW: null,
    powerAvgW: null,
    powerMaxW: null,
    registers: {},
    sampleCount: 3,
    quality,
    flags: [],
  };
}
