/**
 * A decoded wireless M-Bus telegram to a MeterReading: the EN 13757-3 records through the OBIS rules of
 * obisMap.ts (the medium from the address's device type), then, for a property no record gave, the
 * value a wireless driver read from a manufacturer payload (names as wmbusmeters prints them), and the
 * transport layer's status byte as the error register 0-0:97.97.0 (its bits: @omdp/model/status-byte).
 */
import { type MeterReading, SCHEMA_VERSION } from "@omdp/model";
import { STATUS_PROPERTY } from "@omdp/model/status-byte";
import { type WmbusTelegram, wirelessValues } from "@omdp/wmbus";
import { localToRfc3339 } from "../localTime";
import { MEDIUM_TO_OBIS_A, recordToProperty } from "../obisMap";

/** EN 13757-7 status bits, for readers of the error register (the layout is @omdp/model's). */
export { STATUS_BITS } from "@omdp/model/status-byte";

type Fill = { property: (a: number) => string | undefined; unit: string; factor?: number };

const VOLUME: Record<number, string> = { 6: "6-0:2.0.0", 7: "7-0:3.0.0", 8: "8-0:1.0.0", 9: "9-0:1.0.0" };
const FLOW: Record<number, string> = { 6: "6-0:9.0.0", 8: "8-0:2.0.0", 9: "9-0:2.0.0" };
const heat = (id: string) => (a: number) => (a === 6 ? id : undefined);

/** Driver value names (wmbusmeters' printed names) to properties, by the medium's OBIS A group. */
const DRIVER_FILLS: Readonly<Record<string, Fill>> = {
  total_m3: { property: (a) => VOLUME[a], unit: "m3" },
  total_volume_m3: { property: (a) => VOLUME[a], unit: "m3" },
  volume_flow_m3h: { property: (a) => FLOW[a], unit: "m3/h" },
  total_energy_consumption_kwh: { property: heat("6-0:1.0.0"), unit: "Wh", factor: 1000 },
  flow_temperature_c: { property: heat("6-0:10.0.0"), unit: "degC" },
  return_temperature_c: { property: heat("6-0:11.0.0"), unit: "degC" },
  current_consumption_hca: { property: (a) => (a === 4 ? "4-0:1.0.0" : undefined), unit: "HCA" },
};

export interface WmbusReadingOptions {
  meterId: string;
  gatewayId: string;
  transport: "serial" | "tcp" | "stream";
  timeZone: string;
  receivedAt: Date;
}

export function telegramToReading(t: WmbusTelegram, o: WmbusReadingOptions): MeterReading {
  const medium = t.meter.deviceType;
  const values: MeterReading["values"] = [];
  const has = (p: string) => values.some((v) => v.property === p);
  let readingTime: string | undefined;
  for (const r of t.records) {
    if (
      !readingTime &&
      r.quantity === "dateTime" &&
      typeof r.value === "string" &&
      r.storage === 0 &&
      !r.invalid
    )
      readingTime = localToRfc3339(r.value, o.timeZone);
    const p = recordToProperty(medium, r);
    if (p && !has(p.property)) values.push(p);
  }
  const a = MEDIUM_TO_OBIS_A[medium];
  if (a !== undefined) {
    const driven = wirelessValues(t).values;
    for (const [name, v] of Object.entries(driven)) {
      const fill = DRIVER_FILLS[name];
      const property = fill?.property(a);
      if (!fill || property === undefined || typeof v !== "number" || has(property)) continue;
      values.push({
        property,
        value: Number.parseFloat((v * (fill.factor ?? 1)).toPrecision(12)),
        unit: fill.unit,
      });
    }
  }
  // a transport layer without a header (CI 0x78) has no status byte
  if (typeof t.tpl?.status === "number")
    values.push({ property: STATUS_PROPERTY, value: t.tpl.status, unit: "" });
  const receivedAt = o.receivedAt.toISOString();
  return {
    schemaVersion: SCHEMA_VERSION,
    meterId: o.meterId,
    // most radio meters send no clock: their reading time is the reception (no fault: it is the norm)
    readingTime: readingTime ?? receivedAt,
    receivedAt,
    source: { protocol: "wmbus", transport: o.transport, gatewayId: o.gatewayId },
    values,
  };
}
