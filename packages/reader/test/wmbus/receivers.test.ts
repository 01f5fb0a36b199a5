import { crc16x25 } from "@omdp/dlms";
import { describe, expect, it } from "vitest";
import { AmberFraming, amberMessage, amberRssiDbm } from "../../src/wmbus/amber";
import { Im871aFraming, im871aMessage, im871aRssiDbm } from "../../src/wmbus/im871a";
import type { ReceiverEvent, ReceiverFraming } from "../../src/wmbus/receiver";
import { parseLine, RtlWmbusFraming, rtlWmbusLine } from "../../src/wmbus/rtlWmbus";
import fixtures from "../fixtures/wmbus-telegrams.json";

const frames = fixtures.telegrams.map((t) => Uint8Array.from(Buffer.from(t.hex, "hex")));
const hex = (b: Uint8Array) => Buffer.from(b).toString("hex").toUpperCase();
const framesOf = (evs: ReceiverEvent[]) => evs.filter((e) => e.type === "frame");

/** Feeds bytes one at a time (the worst chunking a serial port gives). */
function byteByByte(f: ReceiverFraming, b: Uint8Array): ReceiverEvent[] {
  const out: ReceiverEvent[] = [];
  for (const x of b) out.push(...f.push(Uint8Array.of(x)));
  return out;
}

describe("CRC-16/X.25 of the iM871A HCI", () => {
  it("gives the catalogue check value 0x906E for '123456789' (CRC RevEng catalogue, CRC-16/IBM-SDLC)", () => {
    expect(crc16x25(new TextEncoder().encode("123456789"))).toBe(0x906e);
  });
});

describe("iM871A HCI framing (IMST WMBus HCI: A5 | ctrl+EP | msg id | len | payload | [ts] | [rssi] | [crc])", () => {
  it("reads a WMBUS_MSG_IND written out by hand from the documented layout (CRC + RSSI flags)", () => {
    // iPERL telegram: L = 0x18, the payload is the 24 bytes after L
    const payload = frames[0]!.subarray(1);
    const head = [0xa5, 0x80 | 0x40 | 0x02, 0x03, payload.length];
    const body = Uint8Array.from([...head, ...payload, 0xc8]); // raw RSSI 200: 8/15*200-380/3 = -20 dBm
    const c = crc16x25(body, 1, body.length);
    const msg = Uint8Array.from([...body, c & 0xff, c >> 8]);
    expect(hex(im871aMessage(frames[0]!, { rssiRaw: 0xc8 }))).toBe(hex(msg));
    const evs = new Im871aFraming("T1").push(msg);
    expect(evs).toEqual([{ type: "frame", frame: frames[0], rssiDbm: -20, linkMode: "T1" }]);
  });

  it.each([
    { name: "no options", opts: { crc: false } },
    { name: "CRC", opts: {} },
    { name: "CRC, RSSI, time stamp", opts: { rssiRaw: 150, timestamp: 0x01020304 } },
  ])("gives back every corpus frame ($name), chunked byte by byte, with garbage between", ({ opts }) => {
    const f = new Im871aFraming();
    const stream = Buffer.concat(
      frames.flatMap((fr) => [Buffer.from([0x00, 0x13]), Buffer.from(im871aMessage(fr, opts))]),
    );
    const got = framesOf(byteByByte(f, stream));
    expect(got.map((e) => hex(e.frame))).toEqual(frames.map(hex));
    expect(f.bytesSkipped).toBe(frames.length * 2);
  });

  it("refuses a changed byte by its CRC, with the offset and both values, and reads the next message", () => {
    const bad = im871aMessage(frames[0]!);
    bad[10] ^= 0x01;
    const good = im871aMessage(frames[1]!);
    const evs = new Im871aFraming().push(Buffer.concat([bad, good]));
    const err = evs.find((e) => e.type === "error");
    expect(err).toMatchObject({ code: "CRC_MISMATCH", offset: bad.length - 2 });
    expect(framesOf(evs).map((e) => hex(e.frame))).toEqual([hex(frames[1]!)]);
  });

  it("gives up on a message whose length byte was raised when a checked message starts inside it", () => {
    const bad = im871aMessage(frames[0]!);
    bad[3] += 40; // the length now claims 40 bytes more than the message (31) and the next (31) have
    const good = im871aMessage(frames[0]!);
    const evs = new Im871aFraming().push(Buffer.concat([bad, good]));
    expect(evs[0]).toMatchObject({ type: "error", code: "TRUNCATED", offset: 0, actual: bad.length });
    expect(framesOf(evs).map((e) => hex(e.frame))).toEqual([hex(frames[0]!)]);
  });

  it("reports device management answers (endpoint 1) as other, not as frames", () => {
    // DEVMGMT_MSG_PING_RSP: A5 81 02 00 + CRC
    const m = Uint8Array.from([0xa5, 0x81, 0x02, 0x00, 0, 0]);
    const c = crc16x25(m, 1, 4);
    m[4] = c & 0xff;
    m[5] = c >> 8;
    expect(new Im871aFraming().push(m)).toEqual([{ type: "other", what: "HCI endpoint 1 message 0x2" }]);
  });

  it("converts RSSI by the HCI formula (8/15 raw - 380/3)", () => {
    expect(im871aRssiDbm(0)).toBeCloseTo(-126.7, 1);
    expect(im871aRssiDbm(255)).toBeCloseTo(9.3, 1);
  });
});

describe("AMB8465 framing (Amber manual: FF | 03 | len | payload | [RSSI] | XOR)", () => {
  it("reads a CMD_DATA_IND written out by hand, RSSI enabled", () => {
    const payload = frames[0]!.subarray(1);
    const body = [0xff, 0x03, payload.length, ...payload, 0x40]; // raw 64: 64/2 - 74 = -42 dBm
    const cs = body.reduce((a, b) => a ^ b, 0);
    const msg = Uint8Array.from([...body, cs]);
    expect(hex(amberMessage(frames[0]!, { rssiRaw: 0x40 }))).toBe(hex(msg));
    expect(new AmberFraming({ rssi: true, linkMode: "C1" }).push(msg)).toEqual([
      { type: "frame", frame: frames[0], rssiDbm: -42, linkMode: "C1" },
    ]);
  });

  it.each([{ rssi: false }, { rssi: true }])(
    "gives back every corpus frame (rssi $rssi), byte by byte",
    ({ rssi }) => {
      const f = new AmberFraming({ rssi });
      const stream = Buffer.concat(frames.map((fr) => amberMessage(fr, rssi ? { rssiRaw: 200 } : {})));
      const got = framesOf(byteByByte(f, stream));
      expect(got.map((e) => hex(e.frame))).toEqual(frames.map(hex));
      if (rssi) expect(got.every((e) => e.rssiDbm === (200 - 256) / 2 - 74)).toBe(true);
    },
  );

  it("refuses a bad checksum with evidence and resynchronises", () => {
    const bad = amberMessage(frames[0]!);
    bad[bad.length - 1] ^= 0xff;
    const evs = new AmberFraming({ rssi: false }).push(Buffer.concat([bad, amberMessage(frames[2]!)]));
    expect(evs.find((e) => e.type === "error")).toMatchObject({
      code: "CHECKSUM_MISMATCH",
      offset: bad.length - 1,
    });
    expect(framesOf(evs).map((e) => hex(e.frame))).toEqual([hex(frames[2]!)]);
  });

  it("converts RSSI by the manual's rule", () => {
    expect(amberRssiDbm(0x80)).toBe(-138);
    expect(amberRssiDbm(0x7f)).toBe(-10.5);
  });
});

describe("rtl_wmbus lines (MODE;CRC_OK;3OUTOF6OK;TIMESTAMP;PACKET_RSSI;CURRENT_RSSI;LINK_LAYER_IDENT_NO;0xHEX)", () => {
  it("reads a line in the documented columns", () => {
    const line = `T1;1;1;2019-02-09 07:14:18.000;117;102;33225544;0x${fixtures.telegrams[0]!.hex}`;
    expect(parseLine(line)).toEqual({ type: "frame", frame: frames[0], linkMode: "T1", rssiDbm: 117 });
  });

  it("gives back every corpus frame from a stream of lines, CRLF and blank lines too", () => {
    const f = new RtlWmbusFraming();
    const text = frames.map((fr) => rtlWmbusLine(fr, { mode: "C1" }).replace("\n", "\r\n")).join("\n");
    const got = framesOf(byteByByte(f, Buffer.from(text, "latin1")));
    expect(got.map((e) => hex(e.frame))).toEqual(frames.map(hex));
    expect(got.every((e) => e.linkMode === "C1")).toBe(true);
  });

  it.each([
    { line: "T1;0;1;2019-02-09 07:14:18.000;117;102;0;0x1844", code: "RECEIVER_CRC" },
    { line: "T1;1;0;2019-02-09 07:14:18.000;117;102;0;0x1844", code: "RECEIVER_CRC" },
    { line: "T1;1;1;2019-02-09 07:14:18.000;117;102;0;0x18G4", code: "BAD_LINE" },
    { line: "T1;1;1;117;0x1844", code: "BAD_LINE" },
    { line: "X9;1;1;2019-02-09 07:14:18.000;117;102;0;0x1844", code: "BAD_LINE" },
  ])("refuses $line as $code", ({ line, code }) => {
    expect(parseLine(line, 7)).toMatchObject({ type: "error", code, offset: 7 });
  });

  it("drops an endless line as TOO_LONG", () => {
    const f = new RtlWmbusFraming();
    const evs = f.push(Buffer.alloc(3000, 0x41));
    expect(evs).toMatchObject([{ type: "error", code: "TOO_LONG" }]);
  });
});
