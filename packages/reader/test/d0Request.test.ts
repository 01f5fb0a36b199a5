/**
 * D0 mode C as the requesting side (IEC 62056-21 clause 6.4.5), over an in-process link whose peer
 * plays the meter by the standard's message sequence: sign-on `/?!CR LF` at 300 baud, identification
 * `/OMD5...` (Z = 5: 9600 baud), option select `ACK 0 5 0 CR LF`, then the line at 9600 and the data
 * block STX .. ETX BCC. Checked: the bytes the reader sends, the baud switch after the ACK and back to
 * 300 after the readout, the reading's values, and a meter that never answers counted as a timeout.
 */
import { describe, expect, it } from "vitest";
import { createReader, defaultPreset, type LinkFactory } from "../src/index";

interface Peer {
  readonly sent: string[];
  readonly bauds: number[];
  answer?: (line: string, deliver: (s: string | Uint8Array) => void) => void;
}

function link(peer: Peer): LinkFactory {
  return {
    describe: "test:d0",
    kind: "serial",
    open: async () => {
      const data: ((b: Buffer) => void)[] = [];
      const deliver = (s: string | Uint8Array) =>
        setImmediate(() => {
          for (const l of data) l(Buffer.from(typeof s === "string" ? Buffer.from(s, "latin1") : s));
        });
      return {
        write: async (b) => {
          const line = Buffer.from(b).toString("latin1");
          peer.sent.push(line);
          peer.answer?.(line, deliver);
        },
        close: async () => {},
        onData: (l) => data.push(l),
        onClose: () => {},
        setBaudRate: async (baud) => {
          peer.bauds.push(baud);
        },
      };
    },
  };
}

/** The data block with its BCC: XOR of every byte after STX up to and including ETX (clause 6.3.3). */
function block(body: string): Uint8Array {
  const b = Buffer.from(`\u0002${body}\u0003`, "latin1");
  return Buffer.concat([b, Buffer.of(b.subarray(1).reduce((x, y) => x ^ y, 0))]);
}

const waitFor = async (cond: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe("D0 mode C requester", () => {
  it("sign-on, option select for 9600 baud, baud switch, readout, back to 300", async () => {
    const peer: Peer = { sent: [], bauds: [] };
    peer.answer = (line, deliver) => {
      if (line === "/?!\r\n") deliver("/OMD5SIMD0\r\n");
      else if (line === "\u0006050\r\n") deliver(block("1.8.0(001234.567*kWh)\r\n32.7.0(231*V)\r\n!\r\n"));
    };
    const reader = createReader(
      {
        transport: { kind: "tcp", port: 1 },
        protocol: "d0",
        d0: { mode: "modeC" },
        meters: [{ id: "d0-1" }],
        pollIntervalS: 60,
      },
      { link: link(peer) },
    );
    const readings: unknown[] = [];
    reader.on("reading", (r) => readings.push(r));
    await reader.start();
    await waitFor(() => readings.length === 1 && peer.bauds.length >= 3);
    await reader.stop();
    expect(peer.sent).toEqual(["/?!\r\n", "\u0006050\r\n"]);
    expect(peer.bauds).toEqual([300, 9600, 300]);
    expect(readings[0]).toMatchObject({
      meterId: "d0-1",
      source: { protocol: "d0" },
      values: [
        { property: "1-0:1.8.0", value: 1_234_567, unit: "Wh" },
        { property: "1-0:32.7.0", value: 231, unit: "V" },
      ],
    });
  });

  it("a meter that never answers: a timeout, NO_ANSWER, the line back at 300 baud", async () => {
    const peer: Peer = { sent: [], bauds: [] };
    const reader = createReader(
      {
        transport: { kind: "tcp", port: 1 },
        protocol: "d0",
        d0: { mode: "modeC", answerTimeoutS: 0.05 },
        pollIntervalS: 60,
      },
      { link: link(peer) },
    );
    const errors: string[] = [];
    reader.on("error", (e) => errors.push(e.code));
    await reader.start();
    await waitFor(() => reader.diagnostics().counters.timeouts === 1);
    await reader.stop();
    expect(errors).toEqual(["NO_ANSWER"]);
    expect(peer.bauds).toEqual([300]); // set for the sign-on; it never left 300, so nothing to set back
  });

  it("protocol wmbus makes a wM-Bus line (iM871A receiver unless named, its 57600 8N1 preset)", () => {
    const reader = createReader({ transport: { kind: "tcp", port: 1 }, protocol: "wmbus" });
    expect(reader.config.wmbus.receiver).toBe("im871a");
    expect(defaultPreset(reader.config)).toBe("im871a");
  });
});
