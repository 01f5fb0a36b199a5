import { describe, expect, it } from "vitest";
import { crc16 } from "../../src/link/crc";

describe("EN 13757-4 block CRC", () => {
  it("gives the catalogued check value of CRC-16/EN-13757 for '123456789'", () => {
    // reveng CRC catalogue, CRC-16/EN-13757: poly 0x3D65, init 0, xorout 0xFFFF, check 0xC2B7
    expect(crc16(new TextEncoder().encode("123456789"))).toBe(0xc2b7);
  });
  it("of no bytes is the complemented initial value", () => {
    expect(crc16(new Uint8Array(0))).toBe(0xffff);
  });
});
