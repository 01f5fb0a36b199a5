/**
 * Framing and CRC (P1 Companion Standard 5.0.2 §6.2). The CRC check value of CRC-16/ARC is the published
 * catalogue value for "123456789" (0xBB3D), independent of this code.
 */
import { describe, expect, it } from "vitest";
import { crc16, DsmrError, decodeTelegram, encodeTelegram } from "../src/index";

function errorOf(f: () => unknown): DsmrError {
  try {
    f();
  } catch (e) {
    if (e instanceof DsmrError) return e;
    throw e;
  }
  throw new Error("expected a DsmrError");
}

const SMALL = "/ISK5\\2M550T-1012\r\n\r\n1-0:1.8.1(000001.000*kWh)\r\n1-0:1.7.0(00.500*kW)\r\n!";

describe("CRC-16/ARC", () => {
  it("gives the catalogue check value 0xBB3D for 123456789", () => {
    expect(crc16(Buffer.from("123456789"))).toBe(0xbb3d);
  });
  it("of nothing is 0", () => {
    expect(crc16(new Uint8Array(0))).toBe(0);
  });
});

describe("telegram framing", () => {
  const good = encodeTelegram({
    header: { manufacturer: "ISK", baudChar: "5", ident: "\\2M550T-1012" },
    lines: [{ obis: "1-0:1.8.1", groups: ["000001.000*kWh"] }],
  });

  it("a changed digit is CRC_MISMATCH with the transmitted and computed CRC", () => {
    const bad = good.replace("000001.000", "000001.001");
    const e = errorOf(() => decodeTelegram(bad));
    expect(e.code).toBe("CRC_MISMATCH");
    expect(e.expected).toBe(good.slice(good.indexOf("!") + 1, good.indexOf("!") + 5));
    const body = bad.slice(0, bad.indexOf("!") + 1);
    expect(e.actual).toBe(crc16(Buffer.from(body, "latin1")).toString(16).toUpperCase().padStart(4, "0"));
    expect(e.offset).toBe(bad.indexOf("!") + 1);
  });

  it("skips noise before the '/' (a stream joined mid-telegram)", () => {
    const t = decodeTelegram(`62.7.0(00.000*kW)\r\n!1234\r\n${good}`);
    expect(t.objects.map((o) => o.obis)).toEqual(["1-0:1.8.1"]);
  });

  it("DSMR 2.2/3 telegrams without CRC decode, and requireCrc rejects them", () => {
    const t = decodeTelegram(`${SMALL}\r\n`);
    expect(t.crc).toBeNull();
    expect(t.objects).toHaveLength(2);
    expect(errorOf(() => decodeTelegram(`${SMALL}\r\n`, { requireCrc: true })).code).toBe("BAD_CRC_FIELD");
  });

  it("a CRC field that is not four hex digits is BAD_CRC_FIELD", () => {
    const e = errorOf(() => decodeTelegram(`${SMALL}12G4\r\n`));
    expect(e.code).toBe("BAD_CRC_FIELD");
    expect(e.actual).toBe("12G4");
  });

  it("no '/' is NO_HEADER, no '!' is NO_END, a bad header is BAD_HEADER", () => {
    expect(errorOf(() => decodeTelegram("1-0:1.8.1(1*kWh)\r\n!")).code).toBe("NO_HEADER");
    expect(errorOf(() => decodeTelegram("/ISK5ident\r\n\r\n1-0:1.8.1(1*kWh)\r\n")).code).toBe("NO_END");
    expect(errorOf(() => decodeTelegram("/IS5ident\r\n\r\n!\r\n")).code).toBe("BAD_HEADER");
  });

  it("accepts a telegram ending in LF only (Kamstrup, Sweden)", () => {
    const t = decodeTelegram(good.replace(/\r\n$/, "\n"));
    expect(t.crc?.computed).toBe(t.crc?.transmitted);
  });
});
