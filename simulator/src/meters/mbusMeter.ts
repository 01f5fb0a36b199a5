/**
 * EN 13757-3 meters answering a master: electricity sub-meters, water, gas and heat meters. The link
 * layer is MbusSlaveLink; this file decides what a read-out contains (records as data: DIF, VIF, value)
 * and how it is spread over telegrams. Bytes come from @omdp/mbus's encoders.
 */
import { ElectricityElement } from "./electricity";
import { householdProfile, type PowerSample } from "./loadCurve";
import { encodeReadoutTelegram, type RecordSpec } from "./mbusRecords";
import { MbusSlaveLink, type Readout, type UserData } from "./mbusSlave";
import { MediumElement } from "./media";
import type { MeterInfo, PolledMeter } from "./meter";
import { hash32 } from "./random";
import type { Medium, MeterSpec, SentValue } from "./types";

/** EN 13757-3 table 3 medium codes. */
export const MEDIUM_CODE: Record<Medium, number> = { electricity: 0x02, gas: 0x03, heat: 0x04, water: 0x07 };

/** `OMD12345678`: manufacturer letters and the 8-digit secondary id (a bare `12345678` is the id too). */
const MBUS_ID = /^([A-Z]{3})(\d{8})$/;

interface Snapshot {
  readonly telegrams: readonly (readonly RecordSpec[])[];
  readonly values: SentValue[];
}

/** The records of one read-out, per telegram, and the values they stand for. */
function snapshotOf(
  medium: Medium,
  el: ElectricityElement | MediumElement,
  t: number,
  parts: number,
  timeZone: string,
): Snapshot {
  const time: RecordSpec = { kind: "dateTime", utcMs: t, timeZone };
  if (el instanceof ElectricityElement) {
    const r = el.registers;
    const x = el.instantaneous;
    const currentCa = singlePhaseCurrentCa(x);
    const values: SentValue[] = [
      { property: "1-0:1.8.0", value: r.importWh, unit: "Wh" },
      { property: "1-0:1.7.0", value: x.importW, unit: "W" },
      { property: "1-0:32.7.0", value: x.voltageDv[0] / 10, unit: "V" },
      { property: "1-0:31.7.0", value: currentCa / 100, unit: "A" },
    ];
    const a: RecordSpec[] = [
      time,
      { kind: "energyWh", value: r.importWh },
      { kind: "powerW", value: x.importW },
    ];
    const b: RecordSpec[] = [
      { kind: "voltageDv", value: x.voltageDv[0] },
      { kind: "currentCa", value: currentCa },
    ];
    return { telegrams: parts >= 2 ? [a, b] : [[...a, ...b]], values };
  }
  const s = el.snapshot;
  if (medium === "heat") {
    const flowLh = Math.round(s.flowMlPerS * 3.6);
    const values: SentValue[] = [
      { property: "6-0:1.0.0", value: s.energyWh, unit: "Wh" },
      { property: "6-0:2.0.0", value: s.volumeL / 1000, unit: "m3" },
      { property: "6-0:8.0.0", value: s.powerW, unit: "W" },
      { property: "6-0:9.0.0", value: flowLh / 1000, unit: "m3/h" },
      { property: "6-0:10.0.0", value: s.flowTempDc / 10, unit: "degC" },
      { property: "6-0:11.0.0", value: s.returnTempDc / 10, unit: "degC" },
    ];
    const a: RecordSpec[] = [
      time,
      { kind: "energyWh", value: s.energyWh },
      { kind: "volumeL", value: s.volumeL },
    ];
    const b: RecordSpec[] = [
      { kind: "powerW", value: s.powerW },
      { kind: "flowLh", value: flowLh },
      { kind: "flowTempDc", value: s.flowTempDc },
      { kind: "returnTempDc", value: s.returnTempDc },
    ];
    return { telegrams: parts >= 2 ? [a, b] : [[...a, ...b]], values };
  }
  const property = medium === "gas" ? "7-0:3.0.0" : "8-0:1.0.0";
  return {
    telegrams: [[time, { kind: "volumeL", value: s.volumeL }]],
    values: [{ property, value: s.volumeL / 1000, unit: "m3" }],
  };
}

/**
 * The M-Bus electricity sub-meter is a single-phase meter: the whole household curve's load is on its one
 * phase (L1), so its current is the apparent power over L1's voltage, I = S / V with S = sqrt(P^2 + Q^2)
 * (P the net active, Q the net reactive power), rounded up to the record's 0.01 A. Then P <= V x I holds
 * for every reading (the three-phase curve's L1 current alone carried only a part of the power).
 */
export function singlePhaseCurrentCa(x: PowerSample): number {
  const p = x.importW - x.exportW;
  const q = x.reactiveImportVar - x.reactiveExportVar;
  const apparentVa = Math.sqrt(p * p + q * q);
  return Math.ceil((apparentVa * 100) / (x.voltageDv[0] / 10));
}

export function secondaryIdFor(spec: MeterSpec, index: number): { manufacturer: string; id: string } {
  const m = MBUS_ID.exec(spec.id);
  if (m) return { manufacturer: spec.manufacturer ?? m[1]!, id: spec.secondaryId ?? m[2]! };
  if (/^\d{8}$/.test(spec.id))
    return { manufacturer: spec.manufacturer ?? "OMD", id: spec.secondaryId ?? spec.id };
  // the first digit differs between the first nine meters, so a secondary scan finds them quickly
  const rest = String(hash32(spec.seed, 0x5ec) % 10_000_000).padStart(7, "0");
  return { manufacturer: spec.manufacturer ?? "OMD", id: spec.secondaryId ?? `${(index % 9) + 1}${rest}` };
}

export function createMbusMeter(spec: MeterSpec, index: number, start: number): PolledMeter {
  const medium = spec.medium ?? "electricity";
  const makeElement = () =>
    medium === "electricity"
      ? new ElectricityElement(householdProfile(spec.seed, { pv: spec.pv ?? false }), start)
      : new MediumElement(medium, spec.seed, start);
  const el = makeElement();
  const { manufacturer, id } = secondaryIdFor(spec, index);
  const timeZone = spec.timeZone ?? "Europe/Vienna";
  if (!/^\d{8}$/.test(id)) throw new RangeError(`secondary id of ${spec.id} must be 8 digits`);
  const primary = spec.primaryAddress ?? (index % 250) + 1;
  const parts = spec.telegrams ?? (medium === "electricity" || medium === "heat" ? 2 : 1);
  const version = 1;
  const mediumCode = MEDIUM_CODE[medium];
  let access = hash32(spec.seed, 0xac) & 0xff;
  const info: MeterInfo = {
    id: spec.id,
    kind: "mbus",
    medium,
    pv: spec.pv ?? false,
    primaryAddress: primary,
    secondaryId: id,
    manufacturer,
    mediumCode,
  };
  const identity = { id, manufacturer, version, medium: mediumCode };

  const link = new MbusSlaveLink(primary, {
    identity,
    readout: (now): Readout => {
      // the telegram's clock has whole seconds (type I): the snapshot is taken at that second
      const t = Math.floor(now / 1000) * 1000;
      el.advanceTo(t);
      const snap = snapshotOf(medium, el, t, parts, timeZone);
      const telegrams: UserData[] = snap.telegrams.map((records, i) =>
        encodeReadoutTelegram({
          header: { id, manufacturer, version, medium: mediumCode, accessNumber: access++ & 0xff },
          records,
          moreFollows: i < snap.telegrams.length - 1,
        }),
      );
      return { telegrams, values: snap.values, meterTime: t };
    },
  });

  return {
    mode: "poll",
    info,
    valuesAt: (t) => {
      if (t >= el.position) {
        el.advanceTo(t);
        return snapshotOf(medium, el, t, 1, timeZone).values;
      }
      // a time already passed: the draws are deterministic, so integrate again from the start
      const past = makeElement();
      past.advanceTo(t);
      return snapshotOf(medium, past, t, 1, timeZone).values;
    },
    handle: (frame, now) => link.handle(frame, now),
  };
}
