/**
 * The mode C reader over the request/response fixtures of smartmeter-obis, driven exactly as its
 * virtual serial port test drives it: the test expects the request `/?Bla0!\r\n` (resp. `/?!\r\n`), answers
 * with the identification, expects the acknowledgement `\u0006030\r\n` (resp. `\u0006050\r\n`, the
 * strings in the source test) and then sends the data message.
 */
import { describe, expect, it } from "vitest";
import {
  D0Error,
  encodeReadout,
  feedReader,
  type ReaderAction,
  type ReaderOptions,
  type ReaderState,
  startReader,
} from "../src/index";
import { fixture, fixtureBytes, latin1 } from "./support/fixtures";

function sent(actions: ReaderAction[]): string[] {
  return actions.flatMap((a) => (a.type === "send" ? [Buffer.from(a.bytes).toString("latin1")] : []));
}

function splitAtIdentification(bytes: Uint8Array): [Uint8Array, Uint8Array] {
  const lf = bytes.indexOf(0x0a);
  return [bytes.subarray(0, lf + 1), bytes.subarray(lf + 1)];
}

function feedAll(
  state: ReaderState,
  bytes: Uint8Array,
  chunk: number,
): { state: ReaderState; actions: ReaderAction[] } {
  const actions: ReaderAction[] = [];
  let s = state;
  for (let i = 0; i < bytes.length; i += chunk) {
    const step = feedReader(s, bytes.subarray(i, i + chunk));
    s = step.state;
    actions.push(...step.actions);
  }
  return { state: s, actions };
}

describe("mode C reader", () => {
  it("SIE heat meter with device address: request, ACK 0 3 0, 2400 baud, complete", () => {
    const f = fixture("smartmeter_obis_serialrequestresponsed0withack");
    const [ident, data] = splitAtIdentification(fixtureBytes(f));
    const start = startReader({ address: "Bla0" });
    expect(sent(start.actions)).toEqual(["/?Bla0!\r\n"]);
    expect(start.state.baud).toBe(300);

    const afterIdent = feedReader(start.state, ident);
    expect(sent(afterIdent.actions)).toEqual(["\u0006030\r\n"]);
    // ACK 6 chars x 10 bits at 300 baud = 200 ms on the wire; meter reacts after >= 200 ms (HAG/SIE upper case).
    expect(afterIdent.actions[1]).toEqual({ type: "switchBaud", baud: 2400, afterMs: 200, withinMs: 200 });
    expect(afterIdent.state.phase).toBe("data");

    const done = feedAll(afterIdent.state, data, 7);
    expect(done.state.phase).toBe("done");
    const complete = done.actions.find((a) => a.type === "complete");
    if (complete?.type !== "complete") throw new Error("no complete action");
    expect(complete.identification.manufacturer).toBe("SIE");
    const v68 = complete.message.dataSets.find((s) => s.address === "6.8")?.values[0];
    expect(v68?.number).toBe(f.expected["*.*.6.8.*.*"]);
    const v920 = complete.message.dataSets.find((s) => s.address === "9.20")?.values[0];
    expect(v920?.number).toBe(f.expected["*.*.9.20.*.*"]);
  });

  it("ELS meter: ACK 0 5 0 and 9600 baud; its ACK echo and STX-without-ETX data end at '! CR LF'", () => {
    const f = fixture("smartmeter_obis_serialrequestresponsed0modedack");
    const [ident, data] = splitAtIdentification(fixtureBytes(f));
    const options: ReaderOptions = { dataEnd: "end-line" };
    const start = startReader(options);
    expect(sent(start.actions)).toEqual(["/?!\r\n"]);
    const afterIdent = feedReader(start.state, ident);
    expect(sent(afterIdent.actions)).toEqual(["\u0006050\r\n"]);
    expect(afterIdent.actions[1]).toMatchObject({ type: "switchBaud", baud: 9600 });
    // the source's virtual meter writes "\u0006\r\n" before the data message
    const done = feedAll(afterIdent.state, new Uint8Array([0x06, 0x0d, 0x0a, ...data]), 1);
    const complete = done.actions.find((a) => a.type === "complete");
    if (complete?.type !== "complete") throw new Error("no complete action");
    const total = complete.message.dataSets.find((s) => s.address === "1.8.0")?.values[0];
    expect(total?.number).toBe(f.expected["*.*.1.8.0.*"]);
    expect(complete.message.dataSets.find((s) => s.address === "F.F")?.values[0]?.text).toBe("00");
  });

  it("maxBaud caps the requested rate (Z=5 offered, 2400 asked)", () => {
    const start = startReader({ maxBaud: 2400 });
    const step = feedReader(start.state, latin1("/ELS5\\@V9.30 \r\n"));
    expect(sent(step.actions)).toEqual(["\u0006030\r\n"]);
    expect(step.actions[1]).toMatchObject({ baud: 2400 });
  });

  it("a lowercase third letter shortens the reaction window to 20 ms", () => {
    const step = feedReader(startReader().state, latin1("/ISk5MT174-0001\r\n"));
    expect(step.actions[1]).toEqual({ type: "switchBaud", baud: 9600, afterMs: 200, withinMs: 20 });
  });

  it("a framed block is complete only after ETX and BCC, and its BCC is checked", () => {
    const readout = encodeReadout({
      manufacturer: "LGZ",
      baudChar: "4",
      ident: "ZMF100AC",
      dataSets: [{ address: "1.8.0", groups: ["000219.252*kWh"] }],
    });
    const [ident, data] = splitAtIdentification(readout);
    const s1 = feedReader(startReader().state, ident).state;
    const partial = feedReader(s1, data.subarray(0, data.length - 1));
    expect(partial.actions).toEqual([]);
    const ok = feedReader(partial.state, data.subarray(data.length - 1));
    expect(ok.actions[0]).toMatchObject({ type: "complete" });

    const bad = data.slice();
    bad[bad.length - 1] = (bad[bad.length - 1] as number) ^ 0x01;
    const err = feedReader(s1, bad);
    expect(err.state.phase).toBe("failed");
    const e = err.actions[0];
    if (e?.type !== "error") throw new Error("no error action");
    expect(e.error).toBeInstanceOf(D0Error);
    expect(e.error.code).toBe("BCC_MISMATCH");
    expect(e.error.offset).toBe(data.length - 1);
    expect(e.error.expected).toBe(bad[bad.length - 1]);
    expect(e.error.actual).toBe(data[data.length - 1]);
  });

  it("mode B (letter Z): switch right after the identification, no ACK; mode A: neither", () => {
    const b = feedReader(startReader().state, latin1("/ABCEmeter\r\n"));
    expect(sent(b.actions)).toEqual([]);
    expect(b.actions).toEqual([{ type: "switchBaud", baud: 9600, afterMs: 0, withinMs: 200 }]);
    const a = feedReader(startReader().state, latin1("/ABC#meter\r\n"));
    expect(a.actions).toEqual([]);
    expect(a.state.phase).toBe("data");
    expect(a.state.baud).toBe(300);
  });

  it("push-only Hager EHZ: nothing sent, syncs mid-stream, reports each readout", () => {
    const basic = fixtureBytes(fixture("vzlogger_hagerehz_basic_1"));
    const sync = fixtureBytes(fixture("vzlogger_hagerehz_waitsync"));
    const stream = new Uint8Array([...basic.subarray(30), ...basic, ...sync]); // starts mid-readout
    const start = startReader({ push: true });
    expect(start.actions).toEqual([]);
    const { actions } = feedAll(start.state, stream, 5);
    const values = actions.flatMap((a) =>
      a.type === "complete" ? a.message.dataSets.map((s) => s.values[0]?.number) : [],
    );
    expect(values).toEqual([1.2963, 999999.9999]); // the vzlogger test values
    expect(actions.some((a) => a.type === "send" || a.type === "switchBaud")).toBe(false);
  });

  it("bad identification and overlong input are error actions, not exceptions", () => {
    const bad = feedReader(startReader().state, latin1("/1x\r\n"));
    expect(bad.actions[0]).toMatchObject({ type: "error" });
    const big = feedReader(startReader({ maxBytes: 16 }).state, new Uint8Array(17).fill(0x41));
    const e = big.actions[0];
    expect(e?.type === "error" && e.error.code).toBe("TOO_LONG");
    expect(() => startReader({ address: "bad/addr" })).toThrow(D0Error);
  });
});
