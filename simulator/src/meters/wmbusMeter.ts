/**
 * Wireless M-Bus meters of a home (water, heat, heat cost allocator) as OMS meters send them: every
 * `pushIntervalS` of meter time an SND-NR (C 0x44) with a short transport header (CI 0x7A) and OMS
 * security mode 5 (AES-128-CBC, IV from the address and access number) or mode 7 (AFL with message
 * counter and CMAC, derived keys), built by @omdp/wmbus's encoder; the access number counts every
 * telegram. Records (EN 13757-3 tables 10/14): the meter's clock (VIF 0x6D, local time), volume (VIF
 * 0x13, litres), volume flow (0x3B, l/h); heat meters also energy (0x03, Wh), power (0x2B, W), flow and
 * return temperature (0x5A/0x5E, 0.1 degC); heat cost allocators their units (VIF 0x6E). The frame goes
 * out through a receiver's framing (iM871A HCI by default, AMB8465 or rtl_wmbus lines), as the stick
 * hands it to the reader. Consumption comes from the seeded draw model of media.ts (the heat cost
 * allocator counts one unit per 4 kWh of the flat's heating, a radiator's share). The key is per meter (seeded unless
 * given) and written to the keys file like the DLMS meters' keys.
 */
import { localDateTime } from "@omdp/model";
import { amberMessage, im871aMessage, rtlWmbusLine } from "@omdp/reader";
import { encodeWmbus, type WmbusSpec } from "@omdp/wmbus";
import { defaultKeyHex } from "./dlmsMeter";
import { firstPushAt } from "./household";
import { MediumElement } from "./media";
import type { MeterInfo, PushingMeter } from "./meter";
import { hash32 } from "./random";
import type { MeterSpec, SentValue } from "./types";

export type WmbusDevice = "water" | "heat" | "hca";
export type WmbusReceiver = "im871a" | "amb8465" | "rtlwmbus";

/** EN 13757-3 table 3 device types. */
export const WMBUS_DEVICE_TYPE: Record<WmbusDevice, number> = { water: 0x07, heat: 0x04, hca: 0x08 };
/** Wh of the flat's heating per HCA unit (a simulator choice: a radiator's share; real allocators are rated per radiator). */
export const WH_PER_HCA_UNIT = 4000;

/** The 8-digit address of a wM-Bus meter: `secondaryId`, an 8-digit id, else from the seed. */
export function wmbusIdFor(spec: MeterSpec): string {
  if (spec.secondaryId) return spec.secondaryId;
  if (/^\d{8}$/.test(spec.id)) return spec.id;
  return `7${String(hash32(spec.seed, 0x3b5) % 10_000_000).padStart(7, "0")}`;
}

export function wmbusDeviceOf(spec: MeterSpec): WmbusDevice {
  return spec.wmbusDevice ?? (spec.medium === "heat" ? "heat" : "water");
}

/** One frame through a receiver's framing. */
export function receiverBytes(
  receiver: WmbusReceiver,
  frame: Uint8Array,
  t: number,
  rssiRaw: number,
): Uint8Array {
  switch (receiver) {
    case "im871a":
      return im871aMessage(frame, { rssiRaw });
    case "amb8465":
      return amberMessage(frame, { rssiRaw });
    case "rtlwmbus":
      return Buffer.from(rtlWmbusLine(frame, { mode: "T1", at: new Date(t), rssi: rssiRaw }), "latin1");
  }
}

export function createWmbusMeter(spec: MeterSpec, start: number): PushingMeter {
  const device = wmbusDeviceOf(spec);
  const element = () => new MediumElement(device === "water" ? "water" : "heat", spec.seed, start);
  const el = element();
  const id = wmbusIdFor(spec);
  const manufacturer = spec.manufacturer ?? "OMD";
  const timeZone = spec.timeZone ?? "Europe/Vienna";
  const mode = spec.wmbusMode ?? 5;
  const receiver = spec.receiver ?? "im871a";
  const intervalMs = (spec.pushIntervalS ?? 30) * 1000;
  let nextPushAt = firstPushAt(spec.seed, start, intervalMs);
  let keyHex = (spec.key ?? defaultKeyHex(spec.seed ^ 0x57)).toUpperCase();
  if (!/^[0-9A-F]{32}$/.test(keyHex)) throw new RangeError(`key of ${spec.id} must be 32 hex digits`);
  let access = hash32(spec.seed, 0xac) & 0xff;
  let counter = hash32(spec.seed, 0x7c) % 100_000;
  const rssiRaw = 150 + (hash32(spec.seed, 0x55) % 60);
  const info: MeterInfo = {
    id: spec.id,
    kind: "wmbus",
    medium: device === "water" ? "water" : "heat",
    pv: false,
    secondaryId: id,
    manufacturer,
    mediumCode: WMBUS_DEVICE_TYPE[device],
  };

  /** Records and the values a reader should read from them, at meter time t (whole seconds). */
  const snapshot = (e: MediumElement, t: number) => {
    const s = e.snapshot;
    const flowM3h = (s.flowMlPerS * 3.6) / 1000;
    const clock = { coding: "int48" as const, vif: 0x6d, value: localDateTime(t, timeZone) };
    if (device === "hca") {
      const units = Math.floor(s.energyWh / WH_PER_HCA_UNIT);
      return {
        records: [clock, { coding: "int24" as const, vif: 0x6e, value: units }],
        values: [{ property: "4-0:1.0.0", value: units, unit: "HCA" }] as SentValue[],
      };
    }
    const volume = { coding: "int32" as const, vif: 0x13, value: s.volumeL / 1000 };
    const flow = { coding: "int32" as const, vif: 0x3b, value: flowM3h };
    if (device === "water")
      return {
        records: [clock, volume, flow],
        values: [
          { property: "8-0:1.0.0", value: s.volumeL / 1000, unit: "m3" },
          { property: "8-0:2.0.0", value: flowM3h, unit: "m3/h" },
        ] as SentValue[],
      };
    return {
      records: [
        clock,
        { coding: "int32" as const, vif: 0x03, value: s.energyWh },
        volume,
        { coding: "int32" as const, vif: 0x2b, value: s.powerW },
        flow,
        { coding: "int16" as const, vif: 0x5a, value: s.flowTempDc / 10 },
        { coding: "int16" as const, vif: 0x5e, value: s.returnTempDc / 10 },
      ],
      values: [
        { property: "6-0:1.0.0", value: s.energyWh, unit: "Wh" },
        { property: "6-0:2.0.0", value: s.volumeL / 1000, unit: "m3" },
        { property: "6-0:8.0.0", value: s.powerW, unit: "W" },
        { property: "6-0:9.0.0", value: flowM3h, unit: "m3/h" },
        { property: "6-0:10.0.0", value: s.flowTempDc / 10, unit: "degC" },
        { property: "6-0:11.0.0", value: s.returnTempDc / 10, unit: "degC" },
      ] as SentValue[],
    };
  };

  const at = (t: number): MediumElement => {
    if (t >= el.position) {
      el.advanceTo(t);
      return el;
    }
    const past = element();
    past.advanceTo(t);
    return past;
  };

  return {
    mode: "push",
    info,
    valuesAt: (t) => snapshot(at(t), Math.floor(t / 1000) * 1000).values,
    get nextPushAt() {
      return nextPushAt;
    },
    get keyHex() {
      return keyHex;
    },
    setKey(hex: string) {
      if (!/^[0-9A-Fa-f]{32}$/.test(hex)) throw new RangeError("key must be 32 hex digits");
      keyHex = hex.toUpperCase();
    },
    push() {
      const t = nextPushAt;
      nextPushAt += intervalMs;
      const snap = snapshot(at(t), t);
      const w: WmbusSpec = {
        manufacturer,
        id,
        version: 1,
        deviceType: WMBUS_DEVICE_TYPE[device],
        ci: 0x7a,
        accessNumber: access,
        status: 0,
        mode,
        key: Buffer.from(keyHex, "hex"),
        ...(mode === 7 ? { messageCounter: counter } : {}),
        records: snap.records,
        crc: false,
      };
      access = (access + 1) & 0xff;
      counter++;
      const frame = encodeWmbus(w);
      const values: SentValue[] = [...snap.values, { property: "0-0:97.97.0", value: 0, unit: "" }];
      return { bytes: receiverBytes(receiver, frame, t, rssiRaw), values, meterTime: t };
    },
  };
}
