/**
 * The `omdp decode` answer for an SML file, in the shape of the DSMR answer (dsmr-doc.ts): `cosem` lists
 * every get-list entry as `{ obis, value, unit?, scaler?, type, source }` with the OBIS code dotted
 * (`1.0.1.8.0.255`, as the entry names it) and the value scaled (value * 10^scaler, exact decimals);
 * `crc` carries the file CRC as transmitted (the two bytes before the end, hex) and the message CRC
 * errors; `reading` is the MeterReading of @omdp/sml's toMeterReading.
 */
import type { MeterReading } from "@omdp/model";
import { type SmlError, type SmlFile, type SmlListEntry, toMeterReading } from "@omdp/sml";
import type { ErrorInfo, ProtocolOptions } from "./types";

export function smlDocument(f: SmlFile, bytes: Uint8Array, o: ProtocolOptions): Record<string, unknown> {
  const reading = smlReading(f, o);
  return {
    transport: "sml",
    frames: 1,
    protocol: "sml",
    meter: { id: reading.meterId, ...(f.serverId !== undefined ? { serverId: f.serverId } : {}) },
    crc: {
      ok: f.messageCrcErrors.length === 0,
      transmitted: hex(bytes.subarray(f.end - 2, f.end)).toUpperCase(),
      variant: f.crc.variant,
      messages: f.messageCrcErrors.map(smlErrorInfo),
    },
    ...(f.quirksApplied.length > 0 ? { quirksApplied: f.quirksApplied } : {}),
    cosem: f.messages.flatMap((m) => (m.body.kind === "getListResponse" ? m.body.valList.map(cosemOut) : [])),
    reading,
  };
}

function cosemOut(e: SmlListEntry) {
  return {
    obis: e.obis,
    value: entryValue(e),
    ...(e.unit !== undefined ? { unit: e.unit } : {}),
    ...(e.scaler !== undefined ? { scaler: e.scaler } : {}),
    type: e.value.kind,
    source: "sml",
  };
}

function entryValue(e: SmlListEntry): unknown {
  if (e.scaled !== undefined) return e.scaled;
  if (e.value.kind === "octets") return hex(e.value.value);
  if (e.value.kind === "boolean") return e.value.value;
  return Number(e.value.value);
}

function smlReading(f: SmlFile, o: ProtocolOptions): MeterReading {
  return toMeterReading(f, {
    ...(o.meterId !== undefined ? { meterId: o.meterId } : {}),
    gatewayId: "omdp-decode",
    transport: "serial",
    receivedAt: new Date(),
  });
}

function hex(b: Uint8Array): string {
  return Buffer.from(b).toString("hex");
}

/** A typed SML error as `omdp decode` prints it, with its evidence. */
export function smlErrorInfo(e: SmlError): ErrorInfo {
  return {
    code: e.code,
    message: e.reason,
    offset: e.offset,
    ...(e.expected !== undefined ? { expected: e.expected } : {}),
    ...(e.actual !== undefined ? { actual: e.actual } : {}),
    ...(e.field !== undefined ? { field: e.field } : {}),
  };
}
