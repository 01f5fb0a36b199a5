/**
 * Issue 12 target: of the values wmbusmeters prints for its wired test telegrams, this codec with its
 * drivers finds more than libmbus does (libmbus run for real through bench/libmbus/harness.c).
 * `npx tsx packages/mbus/bench/coverage.ts` prints the figures.
 */
import { describe, expect, it } from "vitest";
import { coverage, foundByValue, libmbusRecords, loadWiredTests, runLibmbus } from "./coverage";

describe("coverage of wmbusmeters' expected values (wired telegrams)", () => {
  it("finds a value by unit conversion, a unitless record by its raw number, a date-time by its text", () => {
    // 34 510 000 Wh is 34510 kWh; 148532 in a manufacturer record (no unit) matches any field
    expect(foundByValue([{ unit: "Wh", value: 34_510_000 }], "total_energy_consumption_kwh", 34510)).toBe(
      true,
    );
    expect(foundByValue([{ unit: "Wh", value: 34_510_000 }], "total_volume_m3", 34510)).toBe(false);
    expect(foundByValue([{ unit: "", value: 148532 }], "forward_energy_m3c", 148532)).toBe(true);
    expect(
      foundByValue([{ unit: "", value: "2024-01-15T11:46" }], "meter_datetime", "2024-01-15 11:46"),
    ).toBe(true);
  });

  it("reads libmbus's normalised XML records", () => {
    const xml =
      '<DataRecord id="0"><Unit>Wh</Unit><Value>34510000.000000</Value></DataRecord>' +
      '<DataRecord id="1"><Unit>Â°C</Unit><Value>64.600000</Value></DataRecord>';
    expect(libmbusRecords(xml)).toEqual([
      { unit: "Wh", value: 34_510_000 },
      { unit: "degC", value: 64.6 },
    ]);
  });

  it("finds more of them than libmbus, and the drivers name most under wmbusmeters' own names", () => {
    const tests = loadWiredTests();
    const c = coverage(tests, runLibmbus(tests));
    expect(c.expected).toBeGreaterThan(100);
    expect(c.oursWithDrivers).toBeGreaterThan(c.libmbus);
    expect(c.oursWithDrivers).toBeGreaterThanOrEqual(c.oursByValue);
    // IME's 05 FF 5A (frequency in 0.1 Hz) is a manufacturer record only the ime-nemo driver reads
    expect(c.detail.find((d) => d.name === "nemo/Elen")?.driverAdds).toContain("frequency_hz");
    expect(c.namedByDriver / c.expected).toBeGreaterThan(0.9);
  }, 60_000);
});
