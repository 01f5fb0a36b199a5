import type { MeterReading } from "@omdp/model";
import type { EngineSettings } from "../src/engine";

export interface ReadingSpec {
  readonly at: string;
  readonly imp?: number;
  readonly exp?: number;
  readonly pImp?: number;
  readonly pExp?: number;
}

/** A MeterReading with the given registers (Wh) and powers (W). */
export function reading(meterId: string, r: ReadingSpec): MeterReading {
  const values: MeterReading["values"] = [];
  if (r.imp !== undefined) values.push({ property: "1-0:1.8.0", value: r.imp, unit: "Wh" });
  if (r.exp !== undefined) values.push({ property: "1-0:2.8.0", value: r.exp, unit: "Wh" });
  if (r.pImp !== undefined) values.push({ property: "1-0:1.7.0", value: r.pImp, unit: "W" });
  if (r.pExp !== undefined) values.push({ property: "1-0:2.7.0", value: r.pExp, unit: "W" });
  return {
    schemaVersion: 1,
    meterId,
    readingTime: r.at,
    receivedAt: r.at,
    source: { protocol: "dlms", transport: "raw", gatewayId: "gw-test" },
    values,
  };
}

export function settings(over: Partial<EngineSettings> = {}): EngineSettings {
  return {
    resolutions: ["PT15M"],
    timeZone: "Europe/Vienna",
    maxGapMs: 300_000,
    closeGraceMs: 120_000,
    maxPowerW: 100_000,
    maxFutureMs: 300_000,
    ...over,
  };
}

/** A "now" far in the future so that no reading counts as from the future. */
export const LATER = Date.parse("2030-01-01T00:00:00Z");
