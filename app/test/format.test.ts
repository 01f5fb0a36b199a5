import { describe, expect, it } from "vitest";
import { backoffDelay } from "../src/lib/backoff";
import { toCsv } from "../src/lib/csv";
import { ago, formatDateTime, formatKw, formatKwh, formatTime, isoLocal, kwhPlain } from "../src/lib/format";

describe("units", () => {
  it("shows power in kW with precision by magnitude", () => {
    expect(formatKw(0)).toBe("0.000 kW");
    expect(formatKw(850)).toBe("0.850 kW");
    expect(formatKw(1234)).toBe("1.23 kW");
    expect(formatKw(12_345)).toBe("12.35 kW");
    expect(formatKw(123_456)).toBe("123.5 kW");
    expect(formatKw(null)).toBe("–");
    expect(formatKw(Number.NaN)).toBe("–");
  });
  it("shows energy in kWh to the Wh", () => {
    expect(formatKwh(1)).toBe("0.001 kWh");
    expect(formatKwh(12_345)).toBe("12.345 kWh");
    expect(formatKwh(1_234_567)).toBe("1,234.567 kWh");
    expect(kwhPlain(1_234_567)).toBe("1234.567");
    expect(kwhPlain(0)).toBe("0.000");
  });
});

describe("times in the household's zone", () => {
  const t = Date.parse("2026-07-01T12:34:56Z");
  it("formats in the zone, not the machine's", () => {
    expect(formatTime(t, "Europe/Vienna")).toBe("14:34:56");
    expect(formatTime(t, "America/New_York")).toBe("08:34:56");
    expect(formatDateTime(t, "Europe/Vienna")).toContain("14:34:56");
    expect(formatTime("not a date", "UTC")).toBe("–");
  });
  it("writes ISO local times with the offset", () => {
    expect(isoLocal(t, "Europe/Vienna")).toBe("2026-07-01T14:34:56+02:00");
    expect(isoLocal(Date.parse("2026-01-01T00:00:00Z"), "Europe/Vienna")).toBe("2026-01-01T01:00:00+01:00");
    expect(isoLocal(t, "America/St_Johns")).toBe("2026-07-01T10:04:56-02:30");
  });
  it("says how long ago", () => {
    expect(ago(4_000)).toBe("4 s ago");
    expect(ago(180_000)).toBe("3 min ago");
    expect(ago(7_200_000)).toBe("2 h ago");
  });
});

describe("csv", () => {
  it("quotes only what needs quoting and ends lines with CRLF", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["x,y", 'say "hi"'],
          [1, null],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n1,\r\n');
  });
});

describe("backoff", () => {
  it("doubles up to the cap with bounded jitter", () => {
    expect(backoffDelay(0, { random: () => 0 })).toBe(500);
    expect(backoffDelay(0, { random: () => 0.999999 })).toBe(1000);
    expect(backoffDelay(3, { random: () => 0 })).toBe(4000);
    expect(backoffDelay(50, { random: () => 1 })).toBe(30_000);
    for (let i = 0; i < 40; i++) {
      const d = backoffDelay(i);
      expect(d).toBeGreaterThanOrEqual(Math.min(30_000, 1000 * 2 ** i) / 2);
      expect(d).toBeLessThanOrEqual(30_000);
    }
  });
});
