/**
 * The meter quirks of src/quirks.ts, each opt-in, each recorded when used, each a typed error without
 * its flag. Quirky files are made by the encoder from the DZG fixture's own messages.
 */
import { describe, expect, it } from "vitest";
import {
  CRC_VARIANTS,
  decodeSml,
  encodeSml,
  SML_QUIRKS,
  type SmlError,
  type SmlFile,
  type SmlGetListResponse,
  type SmlMessageInput,
} from "../src/index";
import { DZG, fixture, fixtureBytes } from "./support/fixtures";

const dzgBytes = fixtureBytes(fixture(DZG));
const dzg = decodeSml(dzgBytes);

function power(f: SmlFile): number | undefined {
  const list = f.messages.find((m) => m.body.kind === "getListResponse")?.body as SmlGetListResponse;
  return list.valList.find((e) => e.obis === "1.0.16.7.0.255")?.scaled;
}

function errorOf(fn: () => unknown): SmlError {
  try {
    fn();
  } catch (e) {
    return e as SmlError;
  }
  throw new Error("no error");
}

/** The DZG file's messages with the get-list's 16.7.0 value and server id replaced. */
function withPower(raw: bigint, serverId?: Uint8Array): SmlMessageInput[] {
  return dzg.messages.map((m) => {
    if (m.body.kind !== "getListResponse") return m;
    const valList = m.body.valList.map((e) =>
      e.obis === "1.0.16.7.0.255"
        ? { ...e, value: { kind: "int" as const, value: raw, signed: true, width: 2 } }
        : e,
    );
    return { ...m, body: { ...m.body, valList, serverId: serverId ?? m.body.serverId } };
  });
}

describe("dzg-unsigned-power (DZG DVS-7412.2: Integer16 sent as Unsigned16)", () => {
  it("without the flag: the value as encoded, 53 8B 28 = -299.12 W (libsml-testing PR #16)", () => {
    expect(power(dzg)).toBe(-299.12);
    expect(dzg.quirksApplied).toEqual([]);
  });

  it("with the flag: 0x8B28 = 35624 -> 356.24 W, and the use is recorded at the value's offset", () => {
    const f = decodeSml(dzgBytes, { quirks: ["dzg-unsigned-power"] });
    expect(power(f)).toBe(356.24);
    expect(f.quirksApplied).toEqual([
      { id: "dzg-unsigned-power", offset: 217, detail: expect.stringContaining("35624") },
    ]);
    expect(dzgBytes.subarray(217, 220)).toEqual(Uint8Array.of(0x53, 0x8b, 0x28));
  });

  it("with the flag, a meter whose server id is not DZG keeps its sign", () => {
    const other = Uint8Array.of(0x0a, 0x01, 0x45, 0x4d, 0x48, 0, 0, 0, 0, 1); // "EMH"
    const f = decodeSml(encodeSml(withPower(-29912n, other)), { quirks: ["dzg-unsigned-power"] });
    expect(power(f)).toBe(-299.12);
    expect(f.quirksApplied).toEqual([]);
  });

  it("without the flag a true negative DZG value stays negative: 53 D6 CA = -105.50 W (libsml-testing PR #15)", () => {
    expect(power(decodeSml(encodeSml(withPower(-10550n))))).toBe(-105.5);
  });

  it("names its meters and sources", () => {
    expect(SML_QUIRKS["dzg-unsigned-power"].sources).toContain(
      "https://github.com/volkszaehler/libsml/issues/59",
    );
  });
});

describe.each([
  ["crc-byte-swapped", "swapped"],
  ["crc-kermit", "kermit"],
] as const)("%s", (quirk, variant) => {
  const bytes = encodeSml(dzg.messages, { crcVariant: variant });

  it("is a FILE_CRC_MISMATCH naming the variant, with expected and actual, without the flag", () => {
    const e = errorOf(() => decodeSml(bytes));
    expect(e.code).toBe("FILE_CRC_MISMATCH");
    expect(e.reason).toContain(variant);
    expect(e.offset).toBe(bytes.length - 2);
    expect(e.expected).not.toBe(e.actual);
    expect(e.actual).toBe(((bytes.at(-2)! << 8) | bytes.at(-1)!).toString(16).toUpperCase().padStart(4, "0"));
  });

  it("is accepted with the flag, and recorded for the file and every message", () => {
    const f = decodeSml(bytes, { quirks: [quirk] });
    expect(f.crc.variant).toBe(variant);
    expect(f.messages.map((m) => m.crc.variant)).toEqual([variant, variant, variant]);
    expect(f.quirksApplied.map((q) => q.id)).toEqual([quirk, quirk, quirk, quirk]);
    expect(power(f)).toBe(-299.12);
  });

  it("a message CRC in the variant inside a standard file is a MESSAGE_CRC_MISMATCH without the flag", () => {
    // Redo only the file CRC the standard way: the file check passes, the first message's crc16 does not.
    const quirky = Uint8Array.from(bytes);
    const crc = CRC_VARIANTS.standard(quirky, 0, quirky.length - 2);
    quirky.set([crc >> 8, crc & 0xff], quirky.length - 2);
    const e = errorOf(() => decodeSml(quirky));
    expect(e.code).toBe("MESSAGE_CRC_MISMATCH");
    expect(e.field).toBe("crc16");
    expect(e.reason).toContain(variant);
  });

  it("a CRC that matches no variant is refused even with the flag", () => {
    const broken = Uint8Array.from(bytes);
    broken[broken.length - 1]! ^= 0x01;
    expect(errorOf(() => decodeSml(broken, { quirks: [quirk] })).code).toBe("FILE_CRC_MISMATCH");
  });
});

describe("missing-close (a get-list with no SML_PublicClose.Res)", () => {
  const bytes = encodeSml(dzg.messages.slice(0, 2));

  it("is NO_CLOSE with evidence without the flag", () => {
    const e = errorOf(() => decodeSml(bytes));
    expect([e.code, e.expected, e.actual, e.offset]).toEqual([
      "NO_CLOSE",
      "closeResponse",
      "getListResponse",
      bytes.length - 8,
    ]);
  });

  it("decodes with the flag, the use recorded", () => {
    const f = decodeSml(bytes, { quirks: ["missing-close"] });
    expect(f.messages.map((m) => m.body.kind)).toEqual(["openResponse", "getListResponse"]);
    expect(f.quirksApplied).toEqual([
      { id: "missing-close", offset: bytes.length - 8, detail: expect.any(String) },
    ]);
  });
});
