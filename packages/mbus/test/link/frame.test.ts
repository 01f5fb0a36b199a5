import { describe, expect, it } from "vitest";
import { C, decodeFrame, decodeSingleFrame, encodeFrame, type Frame, parseHex, toHex } from "../../src/index";

function bytes(hex: string): Uint8Array {
  const r = parseHex(hex);
  if (!r.ok) throw r.error;
  return r.value;
}

describe("decodeFrame (EN 13757-2 clause 5.4)", () => {
  const good: { name: string; hex: string; frame: Frame }[] = [
    { name: "single character", hex: "E5", frame: { kind: "ack" } },
    { name: "SND_NKE", hex: "10 40 01 41 16", frame: { kind: "short", control: 0x40, address: 1 } },
    { name: "REQ_UD2 FCB", hex: "10 7B FE 79 16", frame: { kind: "short", control: 0x7b, address: 0xfe } },
    {
      name: "control frame",
      hex: "68 03 03 68 53 01 BD 11 16",
      frame: { kind: "control", control: 0x53, address: 1, ci: 0xbd },
    },
    {
      name: "long frame",
      hex: "68 04 04 68 08 01 70 08 81 16",
      frame: { kind: "long", control: 0x08, address: 1, ci: 0x70, data: Uint8Array.of(8) },
    },
  ];
  for (const g of good) {
    it(`decodes and re-encodes ${g.name}`, () => {
      const b = bytes(g.hex);
      const r = decodeSingleFrame(b);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.frame).toEqual(g.frame);
      expect(r.value.length).toBe(b.length);
      expect(toHex(encodeFrame(r.value.frame))).toBe(toHex(b));
    });
  }

  const bad: { name: string; hex: string; code: string; offset: number }[] = [
    { name: "empty", hex: "", code: "TRUNCATED", offset: 0 },
    { name: "bad start", hex: "0D 04 04 68 53 FE 50 10 B1 16", code: "BAD_START", offset: 0 },
    { name: "L = 0", hex: "68 00 00 68 08 16", code: "BAD_LENGTH", offset: 1 },
    { name: "L fields differ", hex: "68 04 05 68 08 01 70 08 81 16", code: "LENGTH_MISMATCH", offset: 2 },
    { name: "second start", hex: "68 04 04 69 08 01 70 08 81 16", code: "BAD_SECOND_START", offset: 3 },
    { name: "checksum", hex: "68 04 04 68 08 01 70 08 82 16", code: "BAD_CHECKSUM", offset: 8 },
    { name: "stop", hex: "68 04 04 68 08 01 70 08 81 17", code: "BAD_STOP", offset: 9 },
    { name: "truncated long", hex: "68 04 04 68 08 01 70", code: "TRUNCATED", offset: 0 },
    { name: "short checksum", hex: "10 40 01 42 16", code: "BAD_CHECKSUM", offset: 3 },
    { name: "trailing", hex: "E5 E5", code: "TRAILING_BYTES", offset: 1 },
  ];
  for (const b of bad) {
    it(`rejects ${b.name} with ${b.code}`, () => {
      const r = decodeSingleFrame(bytes(b.hex));
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe(b.code);
      expect(r.error.offset).toBe(b.offset);
    });
  }

  it("reports expected and computed checksum", () => {
    const r = decodeFrame(bytes("68 04 04 68 08 01 70 08 82 16"));
    expect(r.ok ? null : [r.error.expected, r.error.actual, r.error.field]).toEqual([0x81, 0x82, "checksum"]);
  });

  it("decodes a frame at an offset", () => {
    const r = decodeFrame(bytes("FF FF 10 5B 01 5C 16"), 2);
    expect(r.ok && r.value.frame).toEqual({ kind: "short", control: C.REQ_UD2, address: 1 });
  });

  it("refuses to encode more than 252 data bytes", () => {
    expect(() =>
      encodeFrame({ kind: "long", control: 8, address: 1, ci: 0x72, data: new Uint8Array(253) }),
    ).toThrow(/too long/);
  });
});
