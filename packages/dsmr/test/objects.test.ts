/**
 * OBIS lines, value groups, time stamps, buffers and text, each against a hand reading of the line.
 */
import { describe, expect, it } from "vitest";
import { DsmrError, decodeTelegram, findObject, parseTimestamp } from "../src/index";

const wrap = (lines: string[]) => `/FLU5\\253769484_A\r\n\r\n${lines.join("\r\n")}\r\n!\r\n`;

describe("time stamps YYMMDDhhmmssX", () => {
  it("S is summer time +02:00, W is winter time +01:00", () => {
    expect(parseTimestamp("200512135409S", 0)).toEqual({
      local: "2020-05-12T13:54:09",
      dst: true,
      iso: "2020-05-12T13:54:09+02:00",
    });
    expect(parseTimestamp("101209113020W", 0).iso).toBe("2010-12-09T11:30:20+01:00");
  });
  it("DSMR 3 stamps without flag have no offset", () => {
    expect(parseTimestamp("090212160000", 0)).toEqual({ local: "2009-02-12T16:00:00" });
  });
  it("out-of-range fields are BAD_TIMESTAMP naming the field", () => {
    let e: DsmrError | undefined;
    try {
      parseTimestamp("201312000000W", 7);
    } catch (x) {
      if (x instanceof DsmrError) e = x;
    }
    expect(e).toBeInstanceOf(DsmrError);
    expect(e?.field).toBe("month");
    expect(e?.actual).toBe(13);
    expect(e?.offset).toBe(7);
  });
  it("Fluvius' 632525252525W means no time yet", () => {
    expect(parseTimestamp("632525252525W", 0).unset).toBe(true);
  });
});

describe("Fluvius capacity tariff (e-MUCS)", () => {
  const t = decodeTelegram(
    wrap([
      "1-0:1.4.0(02.351*kW)",
      "1-0:1.6.0(200509134558S)(02.589*kW)",
      "0-0:98.1.0(3)(1-0:1.6.0)(1-0:1.6.0)(200501000000S)(200423192538S)(03.695*kW)(200401000000S)(200305122139S)(05.980*kW)(200301000000S)(200210035421W)(04.318*kW)",
    ]),
  );
  it("current average demand and this month's peak with its time", () => {
    expect(findObject(t, "1-0:1.4.0")?.value).toMatchObject({ value: 2351, unit: "W" });
    const peak = findObject(t, "1-0:1.6.0");
    expect(peak?.value?.value).toBe(2589);
    expect(peak?.time?.iso).toBe("2020-05-09T13:45:58+02:00");
  });
  it("the 13-month history: month start, peak time, peak demand per row", () => {
    const h = findObject(t, "0-0:98.1.0");
    expect(h?.captured).toEqual(["1-0:1.6.0", "1-0:1.6.0"]);
    expect(h?.buffer?.map((r) => [r.times.map((x) => x.iso), r.value.value])).toEqual([
      [["2020-05-01T00:00:00+02:00", "2020-04-23T19:25:38+02:00"], 3695],
      // the source telegram flags 5 March and 1 March with S: the decoder follows the flag, not a calendar
      [["2020-04-01T00:00:00+02:00", "2020-03-05T12:21:39+02:00"], 5980],
      [["2020-03-01T00:00:00+02:00", "2020-02-10T03:54:21+01:00"], 4318],
    ]);
  });
});

describe("lines", () => {
  it("power failure log with no entries, text message hex-decoded, unknown id kept by its shape", () => {
    const t = decodeTelegram(
      wrap([
        "1-0:99.97.0(0)(0-0:96.7.19)",
        "0-0:96.13.0(48656C6C6F)",
        "1-0:9.7.0(00.123*kVA)",
        "0-0:96.99.9(ABC)",
      ]),
    );
    expect(findObject(t, "1-0:99.97.0")?.buffer).toEqual([]);
    expect(findObject(t, "0-0:96.13.0")?.text).toBe("Hello");
    expect(findObject(t, "1-0:9.7.0")?.value).toMatchObject({
      value: 123,
      unit: "VA",
      raw: "00.123",
      rawUnit: "kVA",
    });
    expect(findObject(t, "0-0:96.99.9")).toMatchObject({ shape: "text", text: "ABC" });
  });

  it("a bad line is a line error with its offset; the other lines are kept", () => {
    const text = wrap([
      "1-0:1.8.1(000001.000*kWh)",
      "1-0:1.8.2(0000x1.000*kWh)",
      "1-0:2.8.1(000002.000*kWh)",
    ]);
    const t = decodeTelegram(text);
    expect(t.objects.map((o) => o.obis)).toEqual(["1-0:1.8.1", "1-0:2.8.1"]);
    expect(t.lineErrors).toHaveLength(1);
    expect(t.lineErrors[0]?.code).toBe("BAD_NUMBER");
    expect(t.lineErrors[0]?.offset).toBe(text.indexOf("1-0:1.8.2"));
  });

  it("a profile whose cells do not split into rows is BAD_PROFILE", () => {
    const t = decodeTelegram(
      wrap(["1-0:99.97.0(2)(0-0:96.7.19)(101208152415W)(0000000240*s)(101208151004W)"]),
    );
    expect(t.lineErrors[0]).toMatchObject({ code: "BAD_PROFILE", expected: 2, actual: 3 });
  });

  it("an unclosed group is BAD_LINE, a broken OBIS id BAD_OBIS", () => {
    const t = decodeTelegram(wrap(["1-0:1.8.1(000001.000*kWh", "1-0:72:32.0(00000)"]));
    expect(t.lineErrors.map((e) => e.code)).toEqual(["BAD_LINE", "BAD_OBIS"]);
  });

  it("DSMR 3 gas capture spanning two lines", () => {
    const t = decodeTelegram(wrap(["0-1:24.3.0(090212160000)(00)(60)(1)(0-1:24.2.1)(m3)", "(00001.001)"]));
    const g = findObject(t, "0-1:24.3.0");
    expect(g?.value).toMatchObject({ value: 1.001, unit: "m3" });
    expect(g?.time?.local).toBe("2009-02-12T16:00:00");
    expect(g?.captured).toEqual(["0-1:24.2.1"]);
  });

  it("kWh becomes exact integer Wh (no binary rounding): 0.07 kW = 70 W, 12345.678 kWh = 12345678 Wh", () => {
    const t = decodeTelegram(
      wrap(["1-0:21.7.0(0.07*kW)", "1-0:1.8.1(12345.678*kWh)", "1-0:1.8.2(000000.001*kWh)"]),
    );
    expect(findObject(t, "1-0:21.7.0")?.value?.value).toBe(70);
    expect(findObject(t, "1-0:1.8.1")?.value?.value).toBe(12345678);
    expect(findObject(t, "1-0:1.8.2")?.value?.value).toBe(1);
  });
});
