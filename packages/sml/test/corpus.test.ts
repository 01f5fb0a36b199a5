/**
 * Table-driven over every corpus fixture (test/fixtures, from /work/shared/corpus/sml): each expected
 * OBIS value (the source project's own assertion, converted to W/Wh by the corpus) must be decoded.
 */
import { describe, expect, it } from "vitest";
import { type DecodeOptions, decodeSml, type SmlListEntry, toReadingValues } from "../src/index";
import { DZG, EBZ, fixtureBytes, fixtures, type SmlFixture } from "./support/fixtures";

function options(f: SmlFixture): DecodeOptions {
  return {
    ...(f.checks?.quirk === "unsigned" ? { quirks: ["dzg-unsigned-power" as const] } : {}),
    ...(f.name === EBZ ? { messageCrc: "report" as const } : {}),
  };
}

function entries(f: SmlFixture): SmlListEntry[] {
  const file = decodeSml(fixtureBytes(f), options(f));
  return file.messages.flatMap((m) => (m.body.kind === "getListResponse" ? [...m.body.valList] : []));
}

describe.each(fixtures())("$name", (f) => {
  it("decodes with a valid file CRC, open first and close last", () => {
    const file = decodeSml(fixtureBytes(f), options(f));
    expect(file.crc.variant).toBe("standard");
    expect(file.messages[0]?.body.kind).toBe("openResponse");
    expect(file.messages.at(-1)?.body.kind).toBe("closeResponse");
    expect(file.end).toBe(fixtureBytes(f).length);
  });

  it.each(Object.entries(f.expected))("%s = %d", (obis, value) => {
    const e = entries(f).find((x) => x.obis === obis);
    expect(e?.scaled).toBe(value);
    expect(e?.unit).toBe(f.units[obis]);
  });

  it("toReadingValues: every expected register, Wh rounded to whole units", () => {
    const values = toReadingValues(decodeSml(fixtureBytes(f), options(f)));
    for (const [obis, value] of Object.entries(f.expected)) {
      const [a, b, c, d, e] = obis.split(".");
      const v = values.find((x) => x.property === `${a}-${b}:${c}.${d}.${e}`);
      const unit = f.units[obis];
      expect(v).toEqual({
        property: `${a}-${b}:${c}.${d}.${e}`,
        value: unit === "Wh" ? Math.round(value) : value,
        unit,
      });
    }
  });
});

describe("fixture details", () => {
  const dzg = fixtures().find((f) => f.name === DZG)!;
  const ebz = fixtures().find((f) => f.name === EBZ)!;

  it("DZG: server id, 3-byte status of 1.8.0, the 1.8.0 energy (raw 0x033C9389, scaler -1)", () => {
    const file = decodeSml(fixtureBytes(dzg), options(dzg));
    expect(file.serverId).toBe("0A01445A47000282225E");
    const e = entries(dzg).find((x) => x.obis === "1.0.1.8.0.255");
    expect(e?.status).toEqual({ value: 0x1c0104n, signed: false, width: 3 });
    // 0x033C9389 = 54301577, * 10^-1 = 5430157.7 Wh
    expect(e?.scaled).toBe(5430157.7);
    expect(toReadingValues(file).find((v) => v.property === "1-0:1.8.0")?.value).toBe(5430158);
  });

  it("eBZ: the edited open and get-list messages are reported with evidence; the close is intact", () => {
    const file = decodeSml(fixtureBytes(ebz), { messageCrc: "report" });
    expect(file.messageCrcErrors.map((e) => [e.code, e.field, e.actual])).toEqual([
      ["MESSAGE_CRC_MISMATCH", "crc16", "6877"],
      ["MESSAGE_CRC_MISMATCH", "crc16", expect.any(String)],
    ]);
    expect(file.messages.map((m) => m.crc.variant)).toEqual(["mismatch", "mismatch", "standard"]);
    expect(() => decodeSml(fixtureBytes(ebz))).toThrow(
      expect.objectContaining({ code: "MESSAGE_CRC_MISMATCH", offset: 47 }),
    );
  });
});
