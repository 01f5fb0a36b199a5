/**
 * SML file to the platform's MeterReading (DESIGN.md), as @omdp/dlms's toMeterReading does for a push:
 * one value per get-list entry with a number (toReadingValues: OBIS id from the 6-byte name, scaler
 * and DLMS unit applied, energy as integer Wh), the signed total power 1-0:16.7.0 also as the
 * catalogue's P+/P- (1-0:1.7.0 / 1-0:2.7.0). The meter id is the server id (hex) unless configured;
 * SML files carry no absolute time (actTime is a seconds index), so the reading time is the reception.
 */
import { type MeterReading, SCHEMA_VERSION, withPowerDirections } from "@omdp/model";
import type { SmlFile } from "./types";
import { toReadingNumbers } from "./values";

export interface SmlReadingContext {
  readonly meterId?: string;
  readonly gatewayId: string;
  readonly transport: MeterReading["source"]["transport"];
  readonly receivedAt: Date;
}

export function toMeterReading(file: SmlFile, ctx: SmlReadingContext): MeterReading {
  const numbers = toReadingNumbers(file);
  const receivedAt = ctx.receivedAt.toISOString();
  const meterId = ctx.meterId ?? file.serverId ?? "unknown";
  return {
    schemaVersion: SCHEMA_VERSION,
    meterId: meterId.slice(0, 64) || "unknown",
    readingTime: receivedAt,
    receivedAt,
    source: { protocol: "sml", transport: ctx.transport, gatewayId: ctx.gatewayId },
    values: withPowerDirections(numbers),
  };
}
