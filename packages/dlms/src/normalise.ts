import type { MeterReading } from "@omdp/model";
import { propertyDefinition, SCHEMA_VERSION } from "@omdp/model";
import { dateTimeToRfc3339 } from "./cosem/datetime";
import { LOGICAL_NAME, obisToPropertyId } from "./cosem/obis";
import type { PushTelegram } from "./push";

export interface NormaliseContext {
  /** The registry's id for this meter; default: the telegram's device id (0.0.96.1.0.255), else its system title. */
  readonly meterId?: string;
  readonly gatewayId: string;
  readonly transport: MeterReading["source"]["transport"];
  readonly receivedAt: Date;
  /** IANA zone of the meter, to place a date-time that carries no deviation (e.g. `Europe/Vienna`). */
  readonly timeZone?: string;
}

/** Units of the energy registers (C = 1..4, 8 = time integral 1): normalised to integers. */
const ENERGY_UNITS = new Set(["Wh", "varh", "VAh"]);

/**
 * The platform's MeterReading (DESIGN.md) from a decoded push telegram: property ids `A-B:C.D.E` from the
 * logical names of the electricity and other media (A > 0), SI units, energy registers as integer Wh.
 * The reading time is the telegram's date-time when it can be placed in time, else the reception time.
 */
export function toMeterReading(push: PushTelegram, ctx: NormaliseContext): MeterReading {
  const values: MeterReading["values"] = [];
  for (const c of push.cosem) {
    if (typeof c.value !== "number" || !Number.isFinite(c.value)) continue;
    if (c.obis.startsWith("0.")) continue; // abstract objects (ids, clock, list versions)
    const property = obisToPropertyId(c.obis);
    if (!property) continue;
    // Without a scaler_unit (L+G E450), the quantity the OBIS code names gives the unit: such meters
    // send base units. Outside the catalogue the unit stays empty rather than guessed.
    const unit = c.unit ?? propertyDefinition(property)?.unit ?? "";
    const value = ENERGY_UNITS.has(unit) ? Math.round(c.value) : c.value;
    values.push({ property, value, unit });
  }
  const clock = push.cosem.find((c) => c.obis === LOGICAL_NAME.clock)?.dateTime;
  const dt = push.dateTime ?? clock;
  const receivedAt = ctx.receivedAt.toISOString();
  const readingTime = (dt && dateTimeToRfc3339(dt, ctx.timeZone)) ?? receivedAt;
  const idValue =
    push.cosem.find((c) => c.obis === LOGICAL_NAME.deviceId1 && typeof c.value === "string")?.value ??
    undefined;
  const meterId =
    ctx.meterId ??
    (typeof idValue === "string" && idValue ? idValue : undefined) ??
    push.systemTitle ??
    "unknown";
  return {
    schemaVersion: SCHEMA_VERSION,
    meterId: meterId.slice(0, 64),
    readingTime,
    receivedAt,
    source: { protocol: "dlms", transport: ctx.transport, gatewayId: ctx.gatewayId },
    values,
  };
}
