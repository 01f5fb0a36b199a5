/** TL fields and integers (SML 1.04 §6.3.1), expected bytes worked out by hand in each case. */
import { describe, expect, it } from "vitest";
import { decodeInt, encodeIntBytes, encodeTl, readTl, SmlError } from "../src/index";

describe("TL field", () => {
  it.each([
    // [type, data length, bytes]: single byte = type nibble << 4 | (length + 1)
    ["unsigned", 1, [0x62]],
    ["integer", 2, [0x53]],
    ["octets", 14, [0x0f]], // 14 + 1 = 15 fits one nibble
    ["octets", 15, [0x81, 0x01]], // 15 + 2 = 17 = 0x11: 0x80 | 0x00<<4 | 1, then 1
    ["octets", 20, [0x81, 0x06]], // 20 + 2 = 22 = 0x16
    ["list", 6, [0x76]], // lists count elements, not bytes
    ["list", 20, [0xf1, 0x04]], // 20 = 0x14, continuation 0x80 | 0x70 | 1, then 4
    ["octets", 300, [0x81, 0x82, 0x0f]], // 300 + 3 = 303 = 0x12F
  ] as const)("%s of %d -> %j and back", (type, length, bytes) => {
    expect(encodeTl(type, length)).toEqual(bytes);
    expect(readTl(Uint8Array.from(bytes), 0)).toEqual({ type, length, size: bytes.length });
  });

  it("rejects a type in a continuation byte, an unknown type and a length shorter than the field", () => {
    const err = (b: number[]) => {
      try {
        readTl(Uint8Array.from(b), 0);
      } catch (e) {
        return e instanceof SmlError ? [e.code, e.offset] : e;
      }
      return "ok";
    };
    expect(err([0x81, 0x71])).toEqual(["BAD_TL", 1]);
    expect(err([0x10])).toEqual(["BAD_TL", 0]);
    expect(err([0x80 | 0x00, 0x01])).toEqual(["BAD_LENGTH", 0]); // total 1 < 2 TL bytes
    expect(err([0x81])).toEqual(["TRUNCATED", 1]);
  });
});

describe("integers of every width", () => {
  it.each([
    [[0xff], true, -1n],
    [[0xff], false, 255n],
    [[0x8b, 0x28], true, -29912n], // 0x8B28 = 35624; 35624 - 65536
    [[0x8b, 0x28], false, 35624n],
    [[0xff, 0xff, 0xfe], true, -2n],
    [[0x1c, 0x01, 0x04], false, 0x1c0104n], // DZG status, 3 bytes
    [[0x80, 0, 0, 0, 0], true, -(2n ** 39n)],
    [[0x01, 0, 0, 0, 0, 0], false, 2n ** 40n],
    [[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], true, -1n],
    [[0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], true, 2n ** 55n - 1n],
    [[0, 0, 0, 0x0a, 0x7a, 0xc1, 0xbc, 0x17], false, 45009189911n], // eBZ 1.8.0, 8 bytes
    [[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], false, 2n ** 64n - 1n],
    [[0x80, 0, 0, 0, 0, 0, 0, 0], true, -(2n ** 63n)],
  ])("%j signed=%s -> %s, and encodes back", (bytes, signed, value) => {
    const n = decodeInt(Uint8Array.from(bytes), signed);
    expect(n).toEqual({ value, signed, width: bytes.length });
    expect(encodeIntBytes(n)).toEqual(bytes);
  });

  it("refuses to encode a value that does not fit its width", () => {
    expect(() => encodeIntBytes({ value: 256n, signed: false, width: 1 })).toThrow(SmlError);
    expect(() => encodeIntBytes({ value: -129n, signed: true, width: 1 })).toThrow(SmlError);
    expect(() => encodeIntBytes({ value: -1n, signed: false, width: 3 })).toThrow(SmlError);
  });
});
