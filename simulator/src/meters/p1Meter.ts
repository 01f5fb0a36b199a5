/**
 * A DSMR P1 electricity meter (DSMR 5.0.2 P1 companion standard): every `pushIntervalS` of meter time
 * (DSMR 5 sends every second; the simulator's default is 10 s to keep a home light) it sends a telegram
 * built by @omdp/dsmr's encoder with its CRC-16: version, time with its S/W flag, equipment id, the
 * four tariff registers (kWh, 3 decimals: Wh exact), P+/P- (kW, 3 decimals: W exact), voltage and
 * current L1 and a gas meter on M-Bus channel 1 (m3, 3 decimals: litres exact), all from the same load
 * model as the DLMS meter. Variants:
 * - `dsmr5` (NL): header `/OMD5...`, 1-3:0.2.8(50), tariff 1 = low (22-07 h and weekends), tariff 2 = normal.
 * - `fluvius` (BE e-MUCS 1.7.1): 0-0:96.1.4(50217), tariff 1 = day, 2 = night, plus the capacity
 *   tariff fields: 1-0:1.4.0 (average import of the running 15 minutes), 1-0:1.6.0 (this month's highest
 *   15-minute average with its time) and 0-0:98.1.0 (the last 13 months' peaks).
 * - `smarty` (LU): the dsmr5 telegram ciphered as a Smarty frame (0xDB, AES-128-GCM with the meter's key
 *   and the system title of its id, frame counter +1 per telegram).
 */
import { encodeTelegram, encryptSmarty, hexText, register } from "@omdp/dsmr";
import { defaultKeyHex, systemTitleFor } from "./dlmsMeter";
import { firstPushAt, household, localClock, localIso } from "./household";
import { MediumElement } from "./media";
import type { MeterInfo, PushingMeter } from "./meter";
import { hash32 } from "./random";
import { IntegratingRegister } from "./registers";
import type { MeterSpec, SentValue } from "./types";

export type P1Variant = "dsmr5" | "fluvius" | "smarty";

const QUARTER_MS = 15 * 60_000;
const HEX32 = /^[0-9A-F]{32}$/;

/** The tariff registers (Wh), kept like every register (keyed: a second `omdp start` continues them). */
interface Tariffs {
  readonly import1: IntegratingRegister;
  readonly import2: IntegratingRegister;
  readonly export1: IntegratingRegister;
  readonly export2: IntegratingRegister;
  lastImport: number;
  lastExport: number;
}

/** NL: tariff 1 (low) at night and on weekends; BE: tariff 1 is day, 2 night (and weekends). */
function tariffOf(variant: P1Variant, local: Date): 1 | 2 {
  const h = local.getUTCHours();
  const weekend = local.getUTCDay() === 0 || local.getUTCDay() === 6;
  const offPeak = weekend || h < 7 || h >= 22;
  if (variant === "fluvius") return offPeak ? 2 : 1;
  return offPeak ? 1 : 2;
}

export function createP1Meter(spec: MeterSpec, start: number): PushingMeter {
  const variant: P1Variant = spec.p1Variant ?? "dsmr5";
  const home = household(spec, start);
  const { profile, element } = home;
  const gas = new MediumElement("gas", spec.seed, start, profile.utcOffsetMin);
  const intervalMs = (spec.pushIntervalS ?? 10) * 1000;
  let nextPushAt = firstPushAt(spec.seed, start, intervalMs);
  let keyHex = (spec.key ?? defaultKeyHex(spec.seed)).toUpperCase();
  if (variant === "smarty" && !HEX32.test(keyHex))
    throw new RangeError(`key of ${spec.id} must be 32 hex digits`);
  const systemTitleHex = (spec.systemTitle ?? systemTitleFor(spec.id)).toUpperCase();
  let frameCounter = hash32(spec.seed, 0xfc) % 1_000_000;
  const r0 = element.registers;
  const t1 = Math.floor(r0.importWh * 0.45);
  const e1 = Math.floor(r0.exportWh * 0.6);
  const reg = (initial: number, name: string) => new IntegratingRegister(initial, 1, `${spec.seed}:${name}`);
  const tariffs: Tariffs = {
    import1: reg(t1, "p1Import1Wh"),
    import2: reg(r0.importWh - t1, "p1Import2Wh"),
    export1: reg(e1, "p1Export1Wh"),
    export2: reg(r0.exportWh - e1, "p1Export2Wh"),
    lastImport: r0.importWh,
    lastExport: r0.exportWh,
  };
  // Fluvius capacity tariff: the running quarter's start register, this month's peak, past months
  let quarterStart = Math.floor(start / QUARTER_MS) * QUARTER_MS;
  let quarterStartWh = r0.importWh;
  let monthPeak: { w: number; at: Date } | undefined;
  let month = localClock(start, profile).getUTCMonth();
  const history: { month: Date; peak: { w: number; at: Date } }[] = [];
  const info: MeterInfo = {
    id: spec.id,
    kind: "dsmr",
    medium: "electricity",
    pv: spec.pv ?? false,
    ...(variant === "smarty" ? { systemTitle: systemTitleHex } : {}),
  };

  const flag = profile.utcOffsetMin === 120 ? "S" : "W";
  const stamp = (t: number) => formatLocal(localClock(t, profile), flag);

  const advance = (t: number) => {
    element.advanceTo(t);
    gas.advanceTo(t);
    const r = element.registers;
    const tariff = tariffOf(variant, localClock(t, profile));
    const di = r.importWh - tariffs.lastImport;
    const de = r.exportWh - tariffs.lastExport;
    (tariff === 1 ? tariffs.import1 : tariffs.import2).add(di);
    (tariff === 1 ? tariffs.export1 : tariffs.export2).add(de);
    tariffs.lastImport = r.importWh;
    tariffs.lastExport = r.exportWh;
    // closed quarters feed the month's peak (Fluvius: the highest 15-minute average demand)
    const q = Math.floor(t / QUARTER_MS) * QUARTER_MS;
    if (q > quarterStart) {
      const avgW = Math.round(((r.importWh - quarterStartWh) * 3_600_000) / Math.max(1, t - quarterStart));
      const at = localClock(q, profile);
      if (at.getUTCMonth() !== month) {
        if (monthPeak) history.unshift({ month: at, peak: monthPeak });
        history.splice(13);
        monthPeak = undefined;
        month = at.getUTCMonth();
      }
      if (!monthPeak || avgW > monthPeak.w) monthPeak = { w: avgW, at: new Date(q) };
      quarterStart = q;
      quarterStartWh = r.importWh;
    }
  };

  const telegram = (t: number): { text: string; values: SentValue[] } => {
    advance(t);
    const x = element.instantaneous;
    const voltage = x.voltageDv[0] / 10;
    const current = Math.round(x.currentCa[0] / 100);
    const gasL = gas.snapshot.volumeL;
    const lines: { obis: string; groups: string[] }[] = [];
    const add = (obis: string, ...groups: string[]) => lines.push({ obis, groups });
    if (variant === "fluvius") add("0-0:96.1.4", "50217");
    else add("1-3:0.2.8", "50");
    add("0-0:1.0.0", stamp(t));
    add("0-0:96.1.1", hexText(spec.id));
    add("1-0:1.8.1", register(tariffs.import1.value, "kWh", 3, 6));
    add("1-0:1.8.2", register(tariffs.import2.value, "kWh", 3, 6));
    add("1-0:2.8.1", register(tariffs.export1.value, "kWh", 3, 6));
    add("1-0:2.8.2", register(tariffs.export2.value, "kWh", 3, 6));
    add("0-0:96.14.0", tariffOf(variant, localClock(t, profile)) === 1 ? "0001" : "0002");
    const capacity: SentValue[] = [];
    if (variant === "fluvius") {
      const avgW = Math.round(
        ((element.registers.importWh - quarterStartWh) * 3_600_000) / Math.max(1000, t - quarterStart),
      );
      add("1-0:1.4.0", register(avgW, "kW", 3, 2));
      capacity.push({ property: "1-0:1.4.0", value: avgW, unit: "W" });
      const peak = monthPeak ?? { w: 0, at: new Date(quarterStart) };
      add("1-0:1.6.0", stamp(peak.at.getTime()), register(peak.w, "kW", 3, 2));
      capacity.push({ property: "1-0:1.6.0", value: peak.w, unit: "W" });
      const rows = history.slice(0, 13);
      add(
        "0-0:98.1.0",
        String(rows.length),
        "1-0:1.6.0",
        "1-0:1.6.0",
        ...rows.flatMap((h) => [
          formatLocal(monthStart(h.month), flag),
          stamp(h.peak.at.getTime()),
          register(h.peak.w, "kW", 3, 2),
        ]),
      );
    }
    add("1-0:1.7.0", register(x.importW, "kW", 3, 2));
    add("1-0:2.7.0", register(x.exportW, "kW", 3, 2));
    add("1-0:32.7.0", `${voltage.toFixed(1).padStart(5, "0")}*V`);
    add("1-0:31.7.0", `${String(current).padStart(3, "0")}*A`);
    add("0-1:24.1.0", "003");
    add("0-1:96.1.0", hexText(`G${spec.id}`.slice(0, 17)));
    add("0-1:24.2.1", stamp(Math.floor(t / 300_000) * 300_000), register(gasL / 1000, "m3", 3, 5));
    const ident = variant === "fluvius" ? "\\253769484_A" : variant === "smarty" ? "SIM-LU" : "SIM-NL";
    const manufacturer = variant === "fluvius" ? "FLU" : variant === "smarty" ? "SAT" : "OMD";
    const text = encodeTelegram({ header: { manufacturer, baudChar: "5", ident }, lines });
    const values: SentValue[] = [
      { property: "1-0:1.8.1", value: tariffs.import1.value, unit: "Wh" },
      { property: "1-0:1.8.2", value: tariffs.import2.value, unit: "Wh" },
      { property: "1-0:2.8.1", value: tariffs.export1.value, unit: "Wh" },
      { property: "1-0:2.8.2", value: tariffs.export2.value, unit: "Wh" },
      { property: "1-0:1.8.0", value: tariffs.import1.value + tariffs.import2.value, unit: "Wh" },
      { property: "1-0:2.8.0", value: tariffs.export1.value + tariffs.export2.value, unit: "Wh" },
      ...capacity,
      { property: "1-0:1.7.0", value: x.importW, unit: "W" },
      { property: "1-0:2.7.0", value: x.exportW, unit: "W" },
      { property: "1-0:32.7.0", value: voltage, unit: "V" },
      { property: "1-0:31.7.0", value: current, unit: "A" },
      { property: "7-0:3.0.0", value: gasL / 1000, unit: "m3" },
    ];
    return { text, values };
  };

  return {
    mode: "push",
    info,
    valuesAt: (t) => {
      const el = home.at(t);
      return [
        { property: "1-0:1.8.0", value: el.registers.importWh, unit: "Wh" },
        { property: "1-0:2.8.0", value: el.registers.exportWh, unit: "Wh" },
      ];
    },
    get nextPushAt() {
      return nextPushAt;
    },
    ...(variant === "smarty"
      ? {
          get keyHex() {
            return keyHex;
          },
          setKey(hex: string) {
            if (!/^[0-9A-Fa-f]{32}$/.test(hex)) throw new RangeError("key must be 32 hex digits");
            keyHex = hex.toUpperCase();
          },
        }
      : {}),
    push() {
      const t = nextPushAt;
      nextPushAt += intervalMs;
      const { text, values } = telegram(t);
      const plain = new Uint8Array(Buffer.from(text, "latin1"));
      const bytes =
        variant === "smarty"
          ? encryptSmarty(plain, {
              key: keyHex,
              systemTitle: Buffer.from(systemTitleHex, "hex"),
              frameCounter: frameCounter++ >>> 0,
            })
          : plain;
      return { bytes, values, meterTime: t };
    },
  };
}

function monthStart(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}

/** `YYMMDDhhmmssX` of a shifted date (DSMR 5.0.2 clause 6.4: TST with the S/W flag). */
function formatLocal(d: Date, flag: "S" | "W"): string {
  return `${localIso(d).replace(/[-T:]/g, "").slice(2)}${flag}`;
}
