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
  for (const f of driver?.payload ?? []) {
    const data = f.from === undefined ? t.manufacturerData : (selectRecord(t.records, f.from)?.data ?? null);
    if (data === null) continue;
    const v = readPayloadField(data, f);
    if (v !== undefined) reading.values[printedName(f.name, f.unit)] = v;
  }
  for (const f of driver?.sums ?? []) {
    const v = sumOf(reading.values, f.of);
    if (v !== undefined) reading.values[printedName(f.name, f.unit)] = v;
  }
  return reading;
}

/** The sum of printed values (12 significant digits, as the other values), or undefined when one is no number. */
export function sumOf(
  values: Readonly<Record<string, number | string>>,
  of: readonly string[],
): number | undefined {
  let sum = 0;
  for (const name of of) {
    const v = values[name];
    if (typeof v !== "number") return undefined;
    sum += v;
  }
  return Number.parseFloat(sum.toPrecision(12));
}
