/**
 * Identification, BCC and data-set rules, each against a hand computation shown here.
 */
import { describe, expect, it } from "vitest";
import {
  bcc,
  D0Error,
  decodeDataMessage,
  decodeReadout,
  parseAddress,
  parseIdentification,
} from "../src/index";
import { latin1 } from "./support/fixtures";

function error(f: () => unknown): D0Error {
  try {
    f();
  } catch (e) {
    if (e instanceof D0Error) return e;
    throw e;
  }
  throw new Error("no error");
}

describe("identification", () => {
  it.each([
    ["/LGZ4ZMF100AC.M27\r\n", "C", 4800],
    ["/ABC0x\r\n", "C", 300],
    ["/ABC6x\r\n", "C", 19200],
    ["/ABCAx\r\n", "B", 600],
    ["/ABCFx\r\n", "B", 19200],
    ["/ABCGx\r\n", "B", undefined],
    ["/ABCZx\r\n", "A", undefined],
  ])("%j -> mode %s, %s baud", (line, mode, baud) => {
    const id = parseIdentification(latin1(line));
    expect(id.mode).toBe(mode);
    expect(id.baud).toBe(baud);
  });

  it("enhanced identification after a backslash and the line end", () => {
    const id = parseIdentification(latin1("/ELS5\\@V9.30 \r\n"));
    expect(id).toMatchObject({ manufacturer: "ELS", baudChar: "5", enhanced: "@", ident: "V9.30 ", end: 15 });
  });

  it("typed errors with the offset", () => {
    expect(error(() => parseIdentification(latin1("X")))).toMatchObject({
      code: "NO_IDENTIFICATION",
      offset: 0,
    });
    expect(error(() => parseIdentification(latin1("/AB")))).toMatchObject({ code: "BAD_IDENTIFICATION" });
    expect(error(() => parseIdentification(latin1("/A1C5\r\n")))).toMatchObject({
      code: "BAD_IDENTIFICATION",
      offset: 1,
      field: "manufacturer",
    });
  });
});

describe("BCC", () => {
  // STX "1(2)\r\n!\r\n" ETX: 0x31^0x28^0x32^0x29^0x0D^0x0A^0x21^0x0D^0x0A^0x03
  // = 0x31^0x28 = 0x19; ^0x32 = 0x2B; ^0x29 = 0x02; ^0x0D = 0x0F; ^0x0A = 0x05; ^0x21 = 0x24;
  // ^0x0D = 0x29; ^0x0A = 0x23; ^0x03 = 0x20.
  const block = latin1("\u00021(2)\r\n!\r\n\u0003\u0020");

  it("is the XOR after STX up to and including ETX (hand computed 0x20)", () => {
    expect(bcc(block, 1, block.length - 2)).toBe(0x20);
    const m = decodeDataMessage(block);
    expect(m.bcc).toEqual({ transmitted: 0x20, computed: 0x20 });
    expect(m.dataSets[0]).toMatchObject({ address: "1", values: [{ text: "2", number: 2 }] });
  });

  it("a wrong BCC is a typed error: transmitted as expected, computed as actual, at its offset", () => {
    const bad = block.slice();
    bad[bad.length - 1] = 0x21;
    expect(error(() => decodeDataMessage(bad))).toMatchObject({
      code: "BCC_MISMATCH",
      expected: 0x21,
      actual: 0x20,
      offset: bad.length - 1,
    });
  });

  it("ETX without BCC, and requireBcc without ETX", () => {
    expect(error(() => decodeDataMessage(block.subarray(0, block.length - 1)))).toMatchObject({
      code: "NO_BCC",
    });
    const bare = latin1("1(2)\r\n!\r\n");
    expect(decodeDataMessage(bare).bcc).toBeNull();
    expect(error(() => decodeDataMessage(bare, 0, { requireBcc: true }))).toMatchObject({
      code: "NO_ETX",
      offset: bare.length,
    });
  });
});

describe("data sets", () => {
  it("several value groups, several sets on a line, letters for 96..99, billing period", () => {
    const r = decodeReadout(
      latin1(
        "/ABC5x\r\n\u00021.6.1(0001.234*kW)(2024-01-02 10:15)C.1.0(42)F.F(00)1-0:1.8.0*03(5*kWh)\r\n!\r\n",
      ),
    );
    expect(r.dataSets.map((s) => s.address)).toEqual(["1.6.1", "C.1.0", "F.F", "1-0:1.8.0*03"]);
    expect(r.dataSets[0]?.values.map((v) => v.text)).toEqual(["0001.234", "2024-01-02 10:15"]);
    expect(r.dataSets[0]?.values[0]).toMatchObject({ number: 1234, unit: "W" });
    expect(parseAddress("C.1.0")).toEqual({ c: 96, d: 1, e: 0 });
    expect(parseAddress("F.F")).toEqual({ c: 97, d: 97 });
    expect(parseAddress("1-0:1.8.0*03")).toEqual({ a: 1, b: 0, c: 1, d: 8, e: 0, f: 3 });
    expect(parseAddress("manufacturer text")).toBeUndefined();
  });

  it("malformed sets and a missing end are typed errors with offsets", () => {
    expect(error(() => decodeReadout(latin1("/ABC5x\r\n1.8.0(12\r\n!\r\n")))).toMatchObject({
      code: "BAD_DATA_SET",
      offset: 13,
    });
    expect(error(() => decodeReadout(latin1("/ABC5x\r\n1.8.0\r\n!\r\n")))).toMatchObject({
      code: "BAD_DATA_SET",
      field: "address",
    });
    expect(error(() => decodeReadout(latin1("/ABC5x\r\n1.8.0(1)\r\n")))).toMatchObject({ code: "NO_END" });
  });
});
