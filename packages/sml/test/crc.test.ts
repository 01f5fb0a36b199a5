/** CRC check values from the CRC catalogue (reveng): "123456789" -> X.25 0x906E, KERMIT 0x2189. */
import { describe, expect, it } from "vitest";
import { CRC_VARIANTS, crc16kermit, crc16x25 } from "../src/index";

const CHECK = new TextEncoder().encode("123456789");

describe("CRC variants", () => {
  it("check values", () => {
    expect(crc16x25(CHECK)).toBe(0x906e);
    expect(crc16kermit(CHECK)).toBe(0x2189);
  });
  it("wire forms: standard is X.25 low byte first, swapped high byte first, kermit low byte first", () => {
    expect(CRC_VARIANTS.standard(CHECK, 0, 9)).toBe(0x6e90);
    expect(CRC_VARIANTS.swapped(CHECK, 0, 9)).toBe(0x906e);
    expect(CRC_VARIANTS.kermit(CHECK, 0, 9)).toBe(0x8921);
  });
});
