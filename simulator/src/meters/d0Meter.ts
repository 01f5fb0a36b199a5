/**
 * An IEC 62056-21 (D0) electricity meter, from the same load model as the DLMS meter, its readout
 * built by @omdp/d0's encoder: identification `/OMD5<ident>` (Z = 5: 9600 baud in mode C), then the data
 * block 0.0.0 (id), 1.8.0 / 2.8.0 (kWh, 3 decimals: Wh exact), 16.7.0 (signed total power, kW, 3
 * decimals: W exact), 32.7.0 (V), `!`. Two kinds (MeterSpec.d0Mode):
 * - `push`: sends the readout unasked every `pushIntervalS` (default 10 s), without STX/ETX/BCC, as
 *   push-only eHZ meters do.
 * - `modeC`: answers a sign-on `/? [address] ! CR LF` with its identification, and the option select
 *   `ACK 0 Z 0 CR LF` with the data block framed STX .. ETX BCC (clause 6.4.5; the baud switch is the
 *   line's, a PTY or TCP peer has none). A readout is reported when the data block is sent.
 */
import { encodeDataMessage, encodeReadout, formatIdentification, register } from "@omdp/d0";
import { firstPushAt, household } from "./household";
import type { AnsweringMeter, MeterInfo, PushingMeter } from "./meter";
import type { MeterSpec, SentValue } from "./types";

const IDENT = (id: string) => `SIM${id}`.slice(0, 16);
const ACK = String.fromCharCode(0x06);

/** The option select `ACK V Z Y CR LF` (clause 6.3.3) in `buf`, as a match-like object, or null. */
function optionSelectIn(buf: string): { index: number; 0: string } | null {
  for (let i = buf.indexOf(ACK); i >= 0; i = buf.indexOf(ACK, i + 1)) {
    const m = buf.slice(i, i + 6);
    if (/^.[0-9]{3}\r\n$/s.test(m)) return { index: i, 0: m };
  }
  return null;
}

function readout(spec: MeterSpec, el: ReturnType<typeof household>["element"]) {
  const r = el.registers;
  const x = el.instantaneous;
  const powerW = x.importW - x.exportW;
  const voltage = Math.round(x.voltageDv[0] / 10);
  const dataSets = [
    { address: "0.0.0", groups: [spec.id] },
    register("1.8.0", r.importWh, "kWh", 3),
    register("2.8.0", r.exportWh, "kWh", 3),
    register("16.7.0", powerW, "kW", 3),
    { address: "32.7.0", groups: [`${String(voltage).padStart(3, "0")}*V`] },
  ];
  const values: SentValue[] = [
    { property: "1-0:1.8.0", value: r.importWh, unit: "Wh" },
    { property: "1-0:2.8.0", value: r.exportWh, unit: "Wh" },
    { property: "1-0:16.7.0", value: powerW, unit: "W" },
    { property: "1-0:32.7.0", value: voltage, unit: "V" },
    { property: "1-0:1.7.0", value: Math.max(0, powerW), unit: "W" },
    { property: "1-0:2.7.0", value: Math.max(0, -powerW), unit: "W" },
  ];
  return { dataSets, values };
}

export function createD0Meter(spec: MeterSpec, start: number): PushingMeter | AnsweringMeter {
  const home = household(spec, start);
  const info: MeterInfo = { id: spec.id, kind: "d0", medium: "electricity", pv: spec.pv ?? false };
  const valuesAt = (t: number): SentValue[] => {
    const el = home.at(t);
    return [
      { property: "1-0:1.8.0", value: el.registers.importWh, unit: "Wh" },
      { property: "1-0:2.8.0", value: el.registers.exportWh, unit: "Wh" },
    ];
  };
  if ((spec.d0Mode ?? "push") === "push") {
    const intervalMs = (spec.pushIntervalS ?? 10) * 1000;
    let nextPushAt = firstPushAt(spec.seed, start, intervalMs);
    return {
      mode: "push",
      info,
      valuesAt,
      get nextPushAt() {
        return nextPushAt;
      },
      push() {
        const t = nextPushAt;
        nextPushAt += intervalMs;
        home.element.advanceTo(t);
        const { dataSets, values } = readout(spec, home.element);
        const bytes = encodeReadout({
          manufacturer: "OMD",
          baudChar: "5",
          ident: IDENT(spec.id),
          dataSets,
          framing: "bare",
        });
        return { bytes, values, meterTime: t };
      },
    };
  }
  let buf = "";
  let signedOn = false;
  return {
    mode: "answer",
    info,
    valuesAt,
    receive(bytes, now) {
      buf = (buf + Buffer.from(bytes).toString("latin1")).slice(-256);
      const out: ReturnType<AnsweringMeter["receive"]> = [];
      // bounded: each turn consumes one message from buf
      for (let guard = 0; guard < 8; guard++) {
        const signOn = /\/\?([0-9A-Za-z ]{0,32})!\r\n/.exec(buf);
        const ack = optionSelectIn(buf);
        const first = [signOn, ack].filter((m) => m !== null).sort((a, b) => a.index - b.index)[0];
        if (!first) break;
        buf = buf.slice(first.index + first[0].length);
        if (first === signOn) {
          const address = signOn[1] ?? "";
          if (address !== "" && address !== spec.id) continue; // another meter's address
          signedOn = true;
          const id = formatIdentification({ manufacturer: "OMD", baudChar: "5", ident: IDENT(spec.id) });
          out.push({ bytes: new Uint8Array(Buffer.from(id, "latin1")) });
        } else if (signedOn) {
          signedOn = false;
          home.element.advanceTo(now);
          const { dataSets, values } = readout(spec, home.element);
          out.push({ bytes: encodeDataMessage(dataSets, "block"), completed: { values, meterTime: now } });
        }
      }
      return out;
    },
  };
}
