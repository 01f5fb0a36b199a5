/**
 * An SML electricity meter as German eHZ/"moderne Messeinrichtung" meters send on their optical
 * interface (SML 1.04, unasked, every `pushIntervalS` of meter time; default 2 s here, many meters
 * send every 1-4 s): an open response, a get-list response with the server id, A+ and A- (1-0:1.8.0,
 * 1-0:2.8.0 in Wh with scaler -1, unit 30 of the DLMS table), the signed total active power
 * (1-0:16.7.0, W, scaler 0, unit 27) and the voltage L1 (1-0:32.7.0, V, scaler -1, unit 35), then a
 * close response; file built by @omdp/sml's encoder (escapes, padding, CRC-16/X.25). Same load model as
 * the DLMS meter. The server id is 0A 01 followed by the id's letters and digits (the DIN 43863-5
 * form: 0A, the medium 01, then the manufacturer and serial).
 */
import { encodeSml, type SmlMessageInput } from "@omdp/sml";
import { firstPushAt, household } from "./household";
import type { MeterInfo, PushingMeter } from "./meter";
import { hash32 } from "./random";
import type { MeterSpec, SentValue } from "./types";

const OBIS = (a: number, b: number, c: number, d: number, e: number) => Uint8Array.of(a, b, c, d, e, 0xff);
/** DLMS unit codes (Blue Book table of units). */
const UNIT = { Wh: 30, W: 27, V: 35 } as const;

export function smlServerId(id: string): Uint8Array {
  const body = Buffer.from(id, "latin1").subarray(0, 8);
  return Uint8Array.from([0x0a, 0x01, ...body]);
}

export function createSmlMeter(spec: MeterSpec, start: number): PushingMeter {
  const home = household(spec, start);
  const { element } = home;
  const intervalMs = (spec.pushIntervalS ?? 2) * 1000;
  let nextPushAt = firstPushAt(spec.seed, start, intervalMs);
  const serverId = smlServerId(spec.id);
  let tx = hash32(spec.seed, 0x51) % 1_000_000;
  const info: MeterInfo = { id: spec.id, kind: "sml", medium: "electricity", pv: spec.pv ?? false };

  const file = (t: number): { bytes: Uint8Array; values: SentValue[] } => {
    element.advanceTo(t);
    const r = element.registers;
    const x = element.instantaneous;
    const powerW = x.importW - x.exportW;
    const voltageDv = x.voltageDv[0];
    const id = (n: number) => Uint8Array.from(Buffer.from(`${tx}-${n}`, "latin1"));
    const secIndex = Math.floor((t - start) / 1000) + 1000;
    const int = (value: number, signed: boolean, width: number) => ({
      kind: "int" as const,
      value: BigInt(value),
      signed,
      width,
    });
    const messages: SmlMessageInput[] = [
      {
        transactionId: id(1),
        groupNo: 0,
        abortOnError: 0,
        body: { kind: "openResponse", reqFileId: id(0), serverId },
      },
      {
        transactionId: id(2),
        groupNo: 0,
        abortOnError: 0,
        body: {
          kind: "getListResponse",
          serverId,
          listName: OBIS(1, 0, 98, 1, 0),
          actSensorTime: { kind: "secIndex", value: secIndex },
          valList: [
            {
              objName: OBIS(1, 0, 1, 8, 0),
              unitCode: UNIT.Wh,
              scaler: -1,
              value: int(r.importWh * 10, false, 8),
            },
            {
              objName: OBIS(1, 0, 2, 8, 0),
              unitCode: UNIT.Wh,
              scaler: -1,
              value: int(r.exportWh * 10, false, 8),
            },
            { objName: OBIS(1, 0, 16, 7, 0), unitCode: UNIT.W, scaler: 0, value: int(powerW, true, 4) },
            { objName: OBIS(1, 0, 32, 7, 0), unitCode: UNIT.V, scaler: -1, value: int(voltageDv, false, 2) },
          ],
        },
      },
      { transactionId: id(3), groupNo: 0, abortOnError: 0, body: { kind: "closeResponse" } },
    ];
    tx++;
    const values: SentValue[] = [
      { property: "1-0:1.8.0", value: r.importWh, unit: "Wh" },
      { property: "1-0:2.8.0", value: r.exportWh, unit: "Wh" },
      { property: "1-0:16.7.0", value: powerW, unit: "W" },
      { property: "1-0:32.7.0", value: voltageDv / 10, unit: "V" },
      { property: "1-0:1.7.0", value: Math.max(0, powerW), unit: "W" },
      { property: "1-0:2.7.0", value: Math.max(0, -powerW), unit: "W" },
    ];
    return { bytes: encodeSml(messages), values };
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
    push() {
      const t = nextPushAt;
      nextPushAt += intervalMs;
      return { ...file(t), meterTime: t };
    },
  };
}
