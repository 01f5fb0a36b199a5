/**
 * The status byte layout of EN 13757-3:2004 Table 3 (status field) / EN 13757-7:2018 clause 7.5.6:
 * bits 0-1 application status (00 ok, 01 busy, 10 error, 11 alarm), bit 2 power low, bit 3 permanent
 * error, bit 4 temporary error, bits 5-7 manufacturer specific. Bytes below are written bit by bit.
 */
import { describe, expect, it } from "vitest";
import { applicationStatus, STATUS_BITS, statusBitSet } from "../src/status-byte";

describe("M-Bus status byte", () => {
  it("reads the application status from bits 0-1", () => {
    expect(applicationStatus(0b0000_0000)).toBe("ok");
    expect(applicationStatus(0b0000_0001)).toBe("busy");
    expect(applicationStatus(0b0000_0010)).toBe("error");
    expect(applicationStatus(0b1111_1111)).toBe("alarm");
  });

  it("reads power low, permanent and temporary error from bits 2, 3 and 4 alone", () => {
    const b = 0b1001_0101; // manufacturer bit 7, temporary error, power low, application busy
    expect(statusBitSet(b, "powerLow")).toBe(true);
    expect(statusBitSet(b, "permanentError")).toBe(false);
    expect(statusBitSet(b, "temporaryError")).toBe(true);
    expect(statusBitSet(0b0000_1000, "permanentError")).toBe(true);
    expect(statusBitSet(0b1110_0011, "powerLow")).toBe(false);
  });

  it("keeps bits 5-7 for the manufacturer, disjoint from the standard fields", () => {
    expect(STATUS_BITS.manufacturer).toBe(0b1110_0000);
    const standard =
      STATUS_BITS.application |
      STATUS_BITS.powerLow |
      STATUS_BITS.permanentError |
      STATUS_BITS.temporaryError;
    expect(standard).toBe(0b0001_1111);
  });
});
