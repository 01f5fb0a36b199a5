/**
 * Published example telegrams (sources in fixtures/spec/README.md): the DSMR 5.0.2 specification's own
 * example, and two real telegrams whose CRC another project asserts valid. Expected values are the ones
 * those tests assert, converted by hand to our units (123456.789 kWh = 123456789 Wh; 1.193 kW = 1193 W).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { crc16, DsmrError, decodeTelegram, findObject, formatCrc, toReadingValues } from "../src/index";

const DIR = join(dirname(fileURLToPath(import.meta.url)), "fixtures", "spec");
const read = (name: string) => readFileSync(join(DIR, name), "latin1");

/** The same text with the CRC computed over `/`..`!` (as the encoder would). */
function withRecomputedCrc(text: string): string {
  const bang = text.indexOf("!");
  const body = text.slice(0, bang + 1);
  return `${body}${formatCrc(crc16(Buffer.from(body, "latin1")))}\r\n`;
}

describe("DSMR 5.0.2 specification example (§6.12)", () => {
  const text = read("dsmr502_spec_example.txt");

  it("its printed CRC EF2F does not match its text: CRC_MISMATCH carries both values", () => {
    const err = (() => {
      try {
        decodeTelegram(text);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(DsmrError);
    const e = err as DsmrError;
    expect(e.code).toBe("CRC_MISMATCH");
    expect(e.expected).toBe("EF2F");
    expect(e.actual).toBe(formatCrc(crc16(Buffer.from(text.slice(0, text.indexOf("!") + 1), "latin1"))));
    expect(e.actual).not.toBe("EF2F");
  });

  it("decodes the example's values (CRC recomputed)", () => {
    const t = decodeTelegram(withRecomputedCrc(text), { requireCrc: true });
    expect(t.lineErrors).toEqual([]);
    expect(t.header).toEqual({ manufacturer: "ISk", baudChar: "5", ident: "\\2MT382-1000" });
    expect(t.version).toBe("50");
    expect(t.time?.iso).toBe("2010-12-09T11:30:20+01:00");
    expect(t.equipmentId).toBe("K8EG004046395507");
    expect(findObject(t, "0-0:96.13.0")?.text).toBe("0123456789:;<=>?".repeat(5));
    const v = (id: string) => findObject(t, id)?.value?.value;
    expect(v("1-0:1.8.1")).toBe(123456789);
    expect(v("1-0:2.8.2")).toBe(123456789);
    expect(v("0-0:96.14.0")).toBe(2);
    expect(v("1-0:1.7.0")).toBe(1193);
    expect(v("0-0:96.7.21")).toBe(4);
    expect(v("0-0:96.7.9")).toBe(2);
    expect(v("1-0:52.36.0")).toBe(3);
    expect(v("1-0:72.7.0")).toBe(220.3);
    expect(v("1-0:71.7.0")).toBe(3);
    expect(v("1-0:62.7.0")).toBe(6666);
    const gas = findObject(t, "0-1:24.2.1");
    expect(gas?.time?.iso).toBe("2010-12-09T11:25:00+01:00");
    expect(gas?.value).toMatchObject({ value: 12785.123, unit: "m3" });
    expect(findObject(t, "0-1:96.1.0")?.text).toBe("2222ABCD123456789");
    const log = findObject(t, "1-0:99.97.0");
    expect(log?.captured).toEqual(["0-0:96.7.19"]);
    expect(log?.buffer?.map((b) => [b.times[0]?.iso, b.value.value, b.value.unit])).toEqual([
      ["2010-12-08T15:24:15+01:00", 240, "s"],
      ["2010-12-08T15:10:04+01:00", 301, "s"],
    ]);
    // 1-0:1.8.0 is not sent: derived as 123456.789 + 123456.789 kWh = 246913578 Wh
    expect(toReadingValues(t)).toContainEqual({ property: "1-0:1.8.0", value: 246913578, unit: "Wh" });
  });
});

describe("real telegrams with a CRC another project asserts valid", () => {
  it("Iskra AM550 (!9DF0)", () => {
    const t = decodeTelegram(read("isk5_2m550t_real.txt"), { requireCrc: true });
    expect(t.crc).toEqual({ transmitted: 0x9df0, computed: 0x9df0 });
    expect(t.equipmentId).toBe("E0044007131650618");
    expect(t.time?.iso).toBe("2019-03-24T15:05:41+01:00");
    expect(findObject(t, "1-0:1.8.1")?.value?.value).toBe(3432829);
    expect(findObject(t, "1-0:61.7.0")?.value?.value).toBe(379);
    expect(findObject(t, "0-0:96.13.0")?.text).toBe("");
    expect(findObject(t, "1-0:99.97.0")?.buffer?.[0]?.value.value).toBe(236);
  });

  it("Landis+Gyr E350 with a gas meter (!BB2A)", () => {
    const t = decodeTelegram(read("xmx5_lgbbfg_real.txt"), { requireCrc: true });
    expect(t.crc?.transmitted).toBe(0xbb2a);
    expect(t.version).toBe("42");
    expect(t.time?.iso).toBe("2019-09-05T21:40:03+02:00");
    expect(findObject(t, "1-0:2.8.1")?.value?.value).toBe(313);
    const gas = findObject(t, "0-1:24.2.1");
    expect(gas?.time?.iso).toBe("2019-09-05T21:00:00+02:00");
    expect(gas?.value?.value).toBe(1091.352);
    expect(findObject(t, "0-1:96.1.0")?.text).toBe("G0019340315370616");
  });
});
