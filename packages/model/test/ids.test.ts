import { describe, expect, it } from "vitest";
import { MeterReading, readingId } from "../src/index";

describe("readingId", () => {
  it("is meterId|UTC instant, the same for every offset of one instant", () => {
    // 12:15 at +01:00 is 11:15 UTC (hand computed); 06:15 at -05:00 is the same 11:15 UTC.
    const expected = "KFM1|2026-01-15T11:15:00.000Z";
    expect(readingId("KFM1", "2026-01-15T12:15:00+01:00")).toBe(expected);
    expect(readingId("KFM1", "2026-01-15T11:15:00Z")).toBe(expected);
    expect(readingId("KFM1", "2026-01-15T06:15:00.000-05:00")).toBe(expected);
  });

  it("differs by meter and by instant", () => {
    expect(readingId("A", "2026-01-15T11:15:00Z")).not.toBe(readingId("B", "2026-01-15T11:15:00Z"));
    expect(readingId("A", "2026-01-15T11:15:00Z")).not.toBe(readingId("A", "2026-01-15T11:15:01Z"));
  });

  it("refuses a time that is not a date-time", () => {
    expect(() => readingId("A", "yesterday")).toThrow(RangeError);
  });
});

describe("MeterReading.id", () => {
  const base = {
    schemaVersion: 1,
    meterId: "KFM1",
    readingTime: "2026-01-15T12:15:00+01:00",
    receivedAt: "2026-01-15T11:15:01Z",
    source: { protocol: "dlms", transport: "tcp", gatewayId: "edge" },
    values: [],
  };
  it("is optional (older messages without it still parse) and kept when present", () => {
    expect(MeterReading.parse(base).id).toBeUndefined();
    const id = readingId(base.meterId, base.readingTime);
    expect(MeterReading.parse({ ...base, id }).id).toBe(id);
    expect(MeterReading.safeParse({ ...base, id: "" }).success).toBe(false);
  });
});
