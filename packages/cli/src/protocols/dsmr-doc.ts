/**
 * The `omdp decode` answer for a DSMR P1 telegram, in the shape of the DLMS answer (decode.ts): `cosem`
 * lists every data line as `{ obis, value, unit?, text?, type, source }` with the OBIS code in the same
 * dotted six-group form (`1-0:1.8.1` is `1.0.1.8.1.255`) and the project's units (Wh, W, var, varh, V,
 * A, m3, J, as DLMS prints them); `header` and `crc` carry the P1 framing, `reading` the MeterReading
 * of @omdp/dsmr's toMeterReading.
 */
import {
  type DsmrObject,
  type DsmrTelegram,
  type DsmrTime,
  formatCrc,
  type SmartyFrame,
  toMeterReading,
} from "@omdp/dsmr";
import type { MeterReading } from "@omdp/model";
import type { ProtocolOptions } from "./types";

type P1Telegram = DsmrTelegram & { encrypted: boolean };

export function dsmrDocument(
  t: P1Telegram,
  smarty: SmartyFrame | undefined,
  o: ProtocolOptions,
): Record<string, unknown> {
  const reading = dsmrReading(t, smarty, o);
  return {
    transport: "p1",
    frames: 1,
    protocol: "dsmr",
    header: { ...t.header, ...(t.version !== undefined ? { version: t.version } : {}) },
    crc: t.crc === null ? null : crcOut(t.crc),
    meter: {
      id: reading.meterId,
      encrypted: t.encrypted,
      ...(smarty ? { systemTitle: hex(smarty.systemTitle), frameCounter: smarty.frameCounter } : {}),
      ...(t.time ? { dateTime: timeText(t.time) } : {}),
    },
    cosem: t.objects.map(cosemOut),
    ...(t.lineErrors.length > 0
      ? { lineErrors: t.lineErrors.map((e) => ({ code: e.code, message: e.reason, offset: e.offset })) }
      : {}),
    reading,
  };
}

function crcOut(c: { transmitted: number; computed: number }) {
  return {
    ok: c.transmitted === c.computed,
    transmitted: formatCrc(c.transmitted),
    computed: formatCrc(c.computed),
  };
}

const OBIS_ID = /^(\d+)-(\d+):(\d+)\.(\d+)\.(\d+)$/;

/** `1-0:1.8.1` -> `1.0.1.8.1.255`, the form the DLMS answer prints. */
export function dottedObis(id: string): string {
  const m = OBIS_ID.exec(id);
  return m === null ? id : `${m.slice(1, 6).join(".")}.255`;
}

function cosemOut(o: DsmrObject) {
  return {
    obis: dottedObis(o.obis),
    value: objectValue(o),
    ...(o.value !== undefined ? { unit: o.value.unit } : {}),
    ...(o.text !== undefined ? { text: o.text } : {}),
    ...(o.time !== undefined ? { [o.value !== undefined ? "time" : "text"]: timeText(o.time) } : {}),
    ...(o.captured !== undefined ? { captured: o.captured.map(dottedObis) } : {}),
    ...(o.name !== undefined ? { name: o.name } : {}),
    type: o.shape,
    source: "telegram",
  };
}

function objectValue(o: DsmrObject): unknown {
  if (o.value !== undefined) return o.value.value;
  if (o.text !== undefined) return o.text;
  if (o.time !== undefined) return timeText(o.time);
  if (o.buffer !== undefined) {
    return o.buffer.map((e) => ({ times: e.times.map(timeText), value: e.value.value, unit: e.value.unit }));
  }
  return null;
}

/** RFC 3339 where the telegram's S/W flag places the time, else the local wall time as written. */
function timeText(t: DsmrTime): string {
  return t.iso ?? t.local;
}

/** @omdp/dsmr's MeterReading (the telegram's time when placed in time, else the reception time). */
function dsmrReading(t: P1Telegram, smarty: SmartyFrame | undefined, o: ProtocolOptions): MeterReading {
  return toMeterReading(t, {
    ...(o.meterId !== undefined ? { meterId: o.meterId } : {}),
    ...(smarty ? { fallbackId: hex(smarty.systemTitle) } : {}),
    gatewayId: "omdp-decode",
    transport: "serial",
    receivedAt: new Date(),
  });
}

function hex(b: Uint8Array): string {
  return Buffer.from(b).toString("hex");
}
