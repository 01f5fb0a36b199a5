/**
 * A DLMS/COSEM push electricity meter as Austrian grid operators install them (Kaifa MA309M, Sagemcom
 * T210-D on the customer interface): every `pushIntervalS` (5 s) of meter time it sends a
 * data-notification with date-time, A+/A-/Q+/Q- registers, P+/P-, voltages, currents and power factor,
 * in the variant's layout (Kaifa: one flat list; Sagemcom: one structure per object, sagemcomT210.ts),
 * ciphered with general-glo-ciphering (AES-128-GCM, its own key and system title, a frame counter that
 * grows by one per push; security control 0x20 encrypted, or 0x30 encrypted and authenticated with a
 * 12-byte tag over SC || AK, Green Book 9.2.7.2.4), split over M-Bus long frames (two for this content).
 * All bytes come from @omdp/dlms's encoders.
 */
import {
  type DataNotificationInput,
  encodeDataNotification,
  encodeHdlcPush,
  encodeMbusPush,
  encryptGloCiphering,
} from "@omdp/dlms";

type NotificationValue = DataNotificationInput["values"][number];

import { ElectricityElement } from "./electricity";
import { householdProfile } from "./loadCurve";
import type { MeterInfo, PushingMeter } from "./meter";
import { hash32, seededBytes } from "./random";
import { encodeSagemcomNotification } from "./sagemcomT210";
import type { DlmsVariant, MeterSpec, SentValue } from "./types";

/** `KFM1000000001`: three letters and ten hex digits are the system title itself (FLAG id + serial). */
const TITLE_ID = /^[A-Z]{3}[0-9A-F]{10}$/;

export function systemTitleFor(id: string): string {
  if (TITLE_ID.test(id))
    return Buffer.concat([Buffer.from(id.slice(0, 3), "latin1"), Buffer.from(id.slice(3), "hex")])
      .toString("hex")
      .toUpperCase();
  const serial = hash32(0x5157, ...[...id].map((c) => c.charCodeAt(0)));
  const b = Buffer.alloc(8);
  b.write("SIM", 0, "latin1");
  b.writeUInt8(0x10, 3);
  b.writeUInt32BE(serial, 4);
  return b.toString("hex").toUpperCase();
}

/** The meter id a reader derives from a system title without configuration (letters + hex serial). */
export function meterIdForSystemTitle(titleHex: string): string {
  const b = Buffer.from(titleHex, "hex");
  const letters = b.subarray(0, 3).toString("latin1");
  return /^[A-Z]{3}$/.test(letters)
    ? `${letters}${b.subarray(3).toString("hex").toUpperCase()}`
    : titleHex.toUpperCase();
}

export function defaultKeyHex(seed: number): string {
  return seededBytes(seed ^ 0x4b45_5900, 16)
    .toString("hex")
    .toUpperCase();
}

/** The authentication key a meter gets when none is given (simulator only). */
export function defaultAuthKeyHex(seed: number): string {
  return seededBytes(seed ^ 0x4155_5400, 16)
    .toString("hex")
    .toUpperCase();
}

/** The push layout of a meter: as its spec says, else by the id's FLAG letters (`SAG` Sagemcom). */
export function dlmsVariantFor(spec: Pick<MeterSpec, "id" | "variant">): DlmsVariant {
  return spec.variant ?? (spec.id.startsWith("SAG") ? "sagemcom" : "kaifa");
}

const HEX32 = /^[0-9A-F]{32}$/;

/** Values a push carries, in the platform's units; the encoder gets them with their scaler and unit. */
function pushValues(el: ElectricityElement): { values: SentValue[]; cosem: NotificationValue[] } {
  const r = el.registers;
  const x = el.instantaneous;
  const rows: {
    obis: string;
    property: string;
    value: number;
    scaler: number;
    unit: string;
    type?: NotificationValue["type"];
  }[] = [
    { obis: "1.0.1.8.0.255", property: "1-0:1.8.0", value: r.importWh, scaler: 0, unit: "Wh" },
    { obis: "1.0.2.8.0.255", property: "1-0:2.8.0", value: r.exportWh, scaler: 0, unit: "Wh" },
    { obis: "1.0.3.8.0.255", property: "1-0:3.8.0", value: r.reactiveImportVarh, scaler: 0, unit: "varh" },
    { obis: "1.0.4.8.0.255", property: "1-0:4.8.0", value: r.reactiveExportVarh, scaler: 0, unit: "varh" },
    { obis: "1.0.1.7.0.255", property: "1-0:1.7.0", value: x.importW, scaler: 0, unit: "W" },
    { obis: "1.0.2.7.0.255", property: "1-0:2.7.0", value: x.exportW, scaler: 0, unit: "W" },
    {
      obis: "1.0.32.7.0.255",
      property: "1-0:32.7.0",
      value: x.voltageDv[0] / 10,
      scaler: -1,
      unit: "V",
      type: "long-unsigned",
    },
    {
      obis: "1.0.52.7.0.255",
      property: "1-0:52.7.0",
      value: x.voltageDv[1] / 10,
      scaler: -1,
      unit: "V",
      type: "long-unsigned",
    },
    {
      obis: "1.0.72.7.0.255",
      property: "1-0:72.7.0",
      value: x.voltageDv[2] / 10,
      scaler: -1,
      unit: "V",
      type: "long-unsigned",
    },
    {
      obis: "1.0.31.7.0.255",
      property: "1-0:31.7.0",
      value: x.currentCa[0] / 100,
      scaler: -2,
      unit: "A",
      type: "long-unsigned",
    },
    {
      obis: "1.0.51.7.0.255",
      property: "1-0:51.7.0",
      value: x.currentCa[1] / 100,
      scaler: -2,
      unit: "A",
      type: "long-unsigned",
    },
    {
      obis: "1.0.71.7.0.255",
      property: "1-0:71.7.0",
      value: x.currentCa[2] / 100,
      scaler: -2,
      unit: "A",
      type: "long-unsigned",
    },
    {
      obis: "1.0.13.7.0.255",
      property: "1-0:13.7.0",
      value: x.powerFactorMilli / 1000,
      scaler: -3,
      unit: "",
      type: "long-unsigned",
    },
  ];
  return {
    values: rows.map((v) => ({ property: v.property, value: v.value, unit: v.unit })),
    cosem: rows.map((v) => ({
      obis: v.obis,
      value: v.value,
      scaler: v.scaler,
      unit: v.unit === "" ? 255 : v.unit,
      ...(v.type ? { type: v.type } : {}),
    })),
  };
}

/** A coarser push cadence until `untilMs` of meter time (a backfill's catch-up), pushes on whole multiples of it. */
export interface CatchUpCadence {
  /** Meter time the catch-up ends (a function: the platform knows it only once the catch-up starts). */
  readonly untilMs: number | (() => number);
  readonly intervalS: number;
}

export function createDlmsMeter(spec: MeterSpec, start: number, catchUp?: CatchUpCadence): PushingMeter {
  const profile = householdProfile(spec.seed, { pv: spec.pv ?? false });
  const element = new ElectricityElement(profile, start);
  const intervalMs = (spec.pushIntervalS ?? 5) * 1000;
  const systemTitleHex = (spec.systemTitle ?? systemTitleFor(spec.id)).toUpperCase();
  const systemTitle = Buffer.from(systemTitleHex, "hex");
  if (systemTitle.length !== 8) throw new RangeError(`system title of ${spec.id} must be 8 bytes`);
  let keyHex = (spec.key ?? defaultKeyHex(spec.seed)).toUpperCase();
  if (!HEX32.test(keyHex)) throw new RangeError(`key of ${spec.id} must be 32 hex digits`);
  const variant = dlmsVariantFor(spec);
  const authenticated = spec.authenticated ?? spec.authKey !== undefined;
  const authKeyHex = authenticated ? (spec.authKey ?? defaultAuthKeyHex(spec.seed)).toUpperCase() : undefined;
  if (authKeyHex !== undefined && !HEX32.test(authKeyHex))
    throw new RangeError(`authentication key of ${spec.id} must be 32 hex digits`);
  const authKey = authKeyHex ? Buffer.from(authKeyHex, "hex") : undefined;
  const securityControl = authKey ? 0x30 : 0x20;
  let frameCounter = hash32(spec.seed, 0xfc) % 1_000_000;
  let invokeId = hash32(spec.seed, 0x1d) % 100_000;
  // pushes fall on whole seconds of meter time, each meter at its own phase within the interval
  const phase = (hash32(spec.seed, 0x9a) % Math.max(1, intervalMs / 1000)) * 1000;
  /** The first push after meter time `t`: on the catch-up's grid while it lasts, then on the meter's own. */
  const nextAfter = (t: number): number => {
    if (catchUp) {
      const c = catchUp.intervalS * 1000;
      const k = (Math.floor(t / c) + 1) * c;
      if (k < (typeof catchUp.untilMs === "function" ? catchUp.untilMs() : catchUp.untilMs)) return k;
    }
    return (Math.floor((t - phase) / intervalMs) + 1) * intervalMs + phase;
  };
  let nextPushAt = nextAfter(start);
  const info: MeterInfo = {
    id: spec.id,
    kind: "dlms",
    medium: "electricity",
    pv: spec.pv ?? false,
    systemTitle: systemTitleHex,
    variant,
    securityControl,
  };

  const valuesAt = (t: number): SentValue[] => {
    if (t >= element.position) {
      element.advanceTo(t);
      return pushValues(element).values;
    }
    // a time already passed: the curve is deterministic, so integrate it again from the start
    const past = new ElectricityElement(profile, start);
    past.advanceTo(t);
    return pushValues(past).values;
  };

  return {
    mode: "push",
    info,
    valuesAt,
    get nextPushAt() {
      return nextPushAt;
    },
    get keyHex() {
      return keyHex;
    },
    ...(authKeyHex ? { authKeyHex } : {}),
    setKey(hex: string) {
      if (!/^[0-9A-Fa-f]{32}$/.test(hex)) throw new RangeError("key must be 32 hex digits");
      keyHex = hex.toUpperCase();
    },
    push() {
      const t = nextPushAt;
      nextPushAt = nextAfter(t);
      element.advanceTo(t);
      const { values, cosem } = pushValues(element);
      // the meter's clock shows local time with its deviation (Green Book: minutes from local time to UTC)
      const local = new Date(t + profile.utcOffsetMin * 60_000);
      const dateTime = {
        year: local.getUTCFullYear(),
        month: local.getUTCMonth() + 1,
        day: local.getUTCDate(),
        hour: local.getUTCHours(),
        minute: local.getUTCMinutes(),
        second: local.getUTCSeconds(),
        deviation: -profile.utcOffsetMin,
      };
      const notification = { invokeId: invokeId++ >>> 0, dateTime, values: cosem, meterNumber: spec.id };
      const plaintext =
        variant === "sagemcom"
          ? encodeSagemcomNotification(notification)
          : encodeDataNotification(notification);
      const apdu = encryptGloCiphering({
        plaintext,
        key: Buffer.from(keyHex, "hex"),
        ...(authKey ? { authKey } : {}),
        systemTitle,
        frameCounter: frameCounter++ >>> 0,
        securityControl,
      });
      const frames = spec.framing === "hdlc" ? encodeHdlcPush(apdu) : encodeMbusPush(apdu);
      return { bytes: Buffer.concat(frames), values, meterTime: t };
    },
  };
}
