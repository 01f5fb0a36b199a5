/** The JSON that `omdp decode` prints for a wireless M-Bus telegram (records as for wired M-Bus). */
import { toHex } from "@omdp/dlms";
import type { DataRecord } from "@omdp/mbus";
import { type WmbusError, type WmbusTelegram, wirelessValues } from "@omdp/wmbus";
import type { ErrorInfo } from "./types";

function recordDoc(r: DataRecord, frame: Uint8Array) {
  return {
    function: r.function,
    storage: r.storage,
    tariff: r.tariff,
    subunit: r.subunit,
    quantity: r.table === "plainText" ? (r.plainText ?? r.quantity) : r.quantity,
    value: r.valueKind === "bytes" ? toHex(r.data) : r.value,
    unit: r.unit,
    raw: toHex(frame.subarray(r.offset, r.offset + r.length)),
    ...(r.extensions.length > 0 ? { extensions: r.extensions } : {}),
    ...(r.error ? { error: r.error } : {}),
    ...(r.invalid ? { invalid: true } : {}),
  };
}

export function wmbusDocument(t: WmbusTelegram): Record<string, unknown> {
  const m = t.meter;
  const reading = wirelessValues(t);
  return {
    transport: "wmbus",
    frames: 1,
    protocol: "wmbus",
    format: t.format,
    crc: t.crc,
    link: { c: t.link.c, function: t.link.cName },
    meter: {
      id: m.id,
      manufacturer: m.manufacturer,
      version: m.version,
      medium: m.deviceTypeName,
      ...(t.tpl?.accessNumber != null ? { accessNumber: t.tpl.accessNumber } : {}),
      ...(t.tpl?.status != null ? { status: t.tpl.status } : {}),
    },
    ci: t.ci,
    ...(t.ell
      ? {
          ell: { ci: t.ell.ci, cc: t.ell.cc, accessNumber: t.ell.accessNumber, encryption: t.ell.encryption },
        }
      : {}),
    ...(t.afl ? { afl: { messageCounter: t.afl.messageCounter, mac: t.afl.mac !== null } } : {}),
    ...(t.tpl?.config ? { security: { mode: t.tpl.config.mode, blocks: t.tpl.config.encrypted } } : {}),
    encryption: t.encryption,
    records: t.records.map((r) => recordDoc(r, t.bytes)),
    ...(t.recordErrors.length > 0 ? { recordErrors: t.recordErrors } : {}),
    ...(t.manufacturerData !== null && t.manufacturerData.length > 0
      ? { manufacturerData: toHex(t.manufacturerData) }
      : {}),
    driver: reading.driver,
    values: reading.values,
  };
}

export function wmbusErrorInfo(e: WmbusError): ErrorInfo {
  return {
    code: e.code,
    message: e.reason,
    offset: e.offset,
    ...(e.expected !== undefined ? { expected: e.expected } : {}),
    ...(e.actual !== undefined ? { actual: e.actual } : {}),
    ...(e.field !== undefined ? { field: e.field } : {}),
  };
}
