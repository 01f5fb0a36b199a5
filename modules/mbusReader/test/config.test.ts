/** The module twin's `protocol` and `d0` settings reach the reader config; older twins parse unchanged. */
import { describe, expect, it } from "vitest";
import { DesiredConfig } from "../src/config";
import { readerConfigFor } from "../src/module";

describe("mbusReader desired properties: protocol", () => {
  it("a twin without protocol is auto (mode and framing as before)", () => {
    const d = DesiredConfig.parse({ transport: { kind: "tcp", port: 9000 }, mode: "poll", framing: "mbus" });
    expect(d.protocol).toBe("auto");
    const r = readerConfigFor(d, "gw");
    expect([r.protocol, r.mode, r.framing]).toEqual(["auto", "poll", "mbus"]);
  });

  it("protocol dsmr / d0 with mode C settings go to the reader", () => {
    const p1 = readerConfigFor(
      DesiredConfig.parse({ transport: { kind: "tcp", port: 9000 }, protocol: "dsmr" }),
      "gw",
    );
    expect(p1.protocol).toBe("dsmr");
    const d0 = readerConfigFor(
      DesiredConfig.parse({
        transport: { kind: "tcp", port: 9000 },
        protocol: "d0",
        d0: { mode: "modeC", maxBaud: 4800 },
      }),
      "gw",
    );
    expect(d0.d0).toEqual({ mode: "modeC", address: "", maxBaud: 4800, dataEnd: "etx", answerTimeoutS: 15 });
  });

  it("an unknown protocol is refused with the field named", () => {
    const r = DesiredConfig.safeParse({ protocol: "modbus" });
    expect(r.error?.issues[0]?.path).toEqual(["protocol"]);
  });
});
