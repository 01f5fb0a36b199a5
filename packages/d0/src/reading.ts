/**
 * Readout to the platform's MeterReading (DESIGN.md), as @omdp/dlms's toMeterReading does for a push:
 * the numeric data sets of toReadingValues (OBIS ids, A/B defaulting to 1-0, Wh/W/var/V/A), the signed
 * total power 1-0:16.7.0 also as the catalogue's P+/P- (1-0:1.7.0 / 1-0:2.7.0). The meter id is the
 * identification's manufacturer and ident (`LGZ4ZMF100AC.M27`) unless configured; the reading time is
 * the reception (the readout's 0.9.1/0.9.2 carry no zone).
 */
import { type MeterReading, SCHEMA_VERSION, withPowerDirections } from "@omdp/model";
import type { IdDefaults } from "./address";
import type { DataSet } from "./dataset";
import type { Identification } from "./identification";
import { toReadingValues } from "./values";

export interface D0ReadingContext {
  readonly meterId?: string;
  readonly gatewayId: string;
  readonly transport: MeterReading["source"]["transport"];
  readonly receivedAt: Date;
  readonly defaults?: IdDefaults;
}

/** The id a readout names its meter by: manufacturer letters and the identification text. */
export function d0MeterId(id: Pick<Identification, "manufacturer" | "ident">): string {
  return `${id.manufacturer}${id.ident}`.trim() || "unknown";
}

export function toMeterReading(
  readout: { readonly identification: Identification; readonly dataSets: readonly DataSet[] },
  ctx: D0ReadingContext,
): MeterReading {
  const numbers = toReadingValues(readout.dataSets, ctx.defaults).filter((v) => typeof v.value === "number");
  const receivedAt = ctx.receivedAt.toISOString();
  const meterId = ctx.meterId ?? d0MeterId(readout.identification);
  return {
    schemaVersion: SCHEMA_VERSION,
    meterId: meterId.slice(0, 64) || "unknown",
    readingTime: receivedAt,
    receivedAt,
    source: { protocol: "d0", transport: ctx.transport, gatewayId: ctx.gatewayId },
    values: withPowerDirections(numbers),
  };
}
