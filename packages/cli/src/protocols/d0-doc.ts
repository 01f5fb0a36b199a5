/**
 * The `omdp decode` answer for a D0 readout, in the shape of the DSMR answer (dsmr-doc.ts): `cosem`
 * lists every OBIS-like data set as `{ obis, value, unit, address, type, source }`, the OBIS code dotted
 * (`1.8.0` is `1.0.1.8.0.255`; group A/B default to 1-0 as @omdp/d0 does) and the value and unit as
 * @omdp/d0's toReadingValues gives them (Wh, W, ...; identifier registers as text); `address` is the
 * data set's address as written. `bcc` is the block check (null when the readout has no ETX/BCC);
 * `header` the identification line; `reading` the MeterReading of @omdp/d0's toMeterReading.
 */
import { type BccCheck, type D0Readout, type DataSet, toMeterReading, toReadingValues } from "@omdp/d0";
import type { MeterReading, PropertyValue } from "@omdp/model";
import { dottedObis } from "./dsmr-doc";
import type { ProtocolOptions } from "./types";

export function d0Document(r: D0Readout, o: ProtocolOptions): Record<string, unknown> {
  const reading = d0Reading(r, o);
  const { manufacturer, baudChar, ident, mode, baud } = r.identification;
  return {
    transport: "d0",
    frames: 1,
    protocol: "d0",
    header: { manufacturer, baudChar, ident, mode, ...(baud !== undefined ? { baud } : {}) },
    bcc: r.bcc === null ? null : bccOut(r.bcc),
    meter: { id: reading.meterId, framed: r.framed },
    cosem: r.dataSets.flatMap(cosemOut),
    reading,
  };
}

function bccOut(c: BccCheck) {
  return { ok: c.transmitted === c.computed, transmitted: hex2(c.transmitted), computed: hex2(c.computed) };
}

function hex2(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, "0");
}

/** One entry per data set that toReadingValues reads (OBIS-like address, non-empty first value). */
function cosemOut(s: DataSet) {
  const v: PropertyValue | undefined = toReadingValues([s])[0];
  if (v === undefined) return [];
  return [
    {
      obis: obisDotted(v.property),
      value: v.value,
      unit: v.unit,
      address: s.address,
      type: typeof v.value === "number" ? "number" : "text",
      source: "readout",
    },
  ];
}

/** `1-0:1.8.0` -> `1.0.1.8.0.255`, `1-0:1.8.0*01` -> `1.0.1.8.0.1`. */
function obisDotted(property: string): string {
  const star = property.indexOf("*");
  if (star < 0) return dottedObis(property);
  return `${dottedObis(property.slice(0, star)).replace(/\.255$/, "")}.${Number(property.slice(star + 1))}`;
}

function d0Reading(r: D0Readout, o: ProtocolOptions): MeterReading {
  return toMeterReading(r, {
    ...(o.meterId !== undefined ? { meterId: o.meterId } : {}),
    gatewayId: "omdp-decode",
    transport: "serial",
    receivedAt: new Date(),
  });
}
