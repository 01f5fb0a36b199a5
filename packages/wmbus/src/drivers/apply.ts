/**
 * Normalised values of a wireless telegram: the wired matcher of @omdp/mbus (readValues over the
 * header and records), then the driver's payload fields over the manufacturer bytes.
 */
import { type DriverReading, pickDriver, printedName, readValues, selectRecord } from "@omdp/mbus";
import type { WmbusTelegram } from "../telegram";
import { readPayloadField } from "./payload";
import { WIRELESS_DRIVERS } from "./registry";
import type { WirelessDriver } from "./types";

export function wirelessValues(
  t: WmbusTelegram,
  drivers: readonly WirelessDriver[] = WIRELESS_DRIVERS,
): DriverReading {
  const reading = readValues({ header: t.header, records: t.records }, drivers);
  const driver = pickDriver(t.header, drivers);
  if (driver?.payload === undefined) return reading;
  for (const f of driver.payload) {
    const data = f.from === undefined ? t.manufacturerData : (selectRecord(t.records, f.from)?.data ?? null);
    if (data === null) continue;
    const v = readPayloadField(data, f);
    if (v !== undefined) reading.values[printedName(f.name, f.unit)] = v;
  }
  return reading;
}
