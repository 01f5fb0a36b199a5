/**
 * The line's protocol in the reader config: configs written before it validate unchanged and keep
 * their behaviour (`auto`: mode decides), each protocol gets its role and its serial line settings
 * (DSMR 5.0.2 clause 5.6: 115200 8N1; DSMR 2.2: 9600 7E1; SML: 9600 8N1; IEC 62056-21: 300 7E1 sign-on).
 */
import { describe, expect, it } from "vitest";
import { defaultPreset, lineRole, ReaderConfig, SERIAL_PRESETS } from "../src/index";

const serial = { kind: "serial" as const, path: "/dev/ttyUSB0" };

describe("ReaderConfig protocol", () => {
  it("an existing config (mode, framing, no protocol) parses as before: auto, its mode's role", () => {
    const poll = ReaderConfig.parse({
      transport: serial,
      mode: "poll",
      meters: [{ id: "m", primaryAddress: 5 }],
    });
    expect(poll.protocol).toBe("auto");
    expect(lineRole(poll)).toEqual({ kind: "poll" });
    expect(defaultPreset(poll)).toBe("mbusMaster");
    const listen = ReaderConfig.parse({ transport: serial, framing: "hdlc" });
    expect(lineRole(listen)).toEqual({ kind: "push", protocol: "dlms" });
    expect(defaultPreset(listen)).toBe("customerInterface");
  });

  it("each protocol's role and default line settings", () => {
    const role = (protocol: string, extra = {}) => {
      const c = ReaderConfig.parse({ transport: serial, protocol, ...extra });
      return [lineRole(c), SERIAL_PRESETS[defaultPreset(c)]];
    };
    expect(role("mbus")).toEqual([
      { kind: "poll" },
      { baudRate: 2400, dataBits: 8, parity: "even", stopBits: 1 },
    ]);
    expect(role("dsmr")).toEqual([
      { kind: "push", protocol: "dsmr" },
      { baudRate: 115200, dataBits: 8, parity: "none", stopBits: 1 },
    ]);
    expect(role("sml")).toEqual([
      { kind: "push", protocol: "sml" },
      { baudRate: 9600, dataBits: 8, parity: "none", stopBits: 1 },
    ]);
    expect(role("d0")).toEqual([
      { kind: "push", protocol: "d0" },
      { baudRate: 9600, dataBits: 7, parity: "even", stopBits: 1 },
    ]);
    expect(role("d0", { d0: { mode: "modeC" } })).toEqual([
      { kind: "d0Request" },
      { baudRate: 300, dataBits: 7, parity: "even", stopBits: 1 },
    ]);
    expect(SERIAL_PRESETS.p1Dsmr22).toEqual({ baudRate: 9600, dataBits: 7, parity: "even", stopBits: 1 });
  });

  it("refuses an unknown protocol, an unknown SML quirk and a bad D0 address, naming the field", () => {
    const bad = [
      { transport: serial, protocol: "iec104" },
      { transport: serial, protocol: "sml", meters: [{ id: "m", quirks: ["nope"] }] },
      { transport: serial, protocol: "d0", d0: { address: "a/b" } },
    ];
    const paths = bad.map((c) => ReaderConfig.safeParse(c).error?.issues[0]?.path.join("."));
    expect(paths).toEqual(["protocol", "meters.0.quirks.0", "d0.address"]);
  });
});
