import { describe, expect, it } from "vitest";
import {
  C,
  decodeFrame,
  decodeTelegramHex,
  encodeFrame,
  FcbTracker,
  manufacturerCode,
  manufacturerLetters,
  matchesSecondary,
  parseSelection,
  reqUd2,
  selectSecondary,
  sndNke,
  toHex,
} from "../../src/index";

describe("master requests (EN 13757-2 clause 5.5)", () => {
  it("SND_NKE and REQ_UD2 with and without FCB", () => {
    expect(toHex(encodeFrame(sndNke(1)))).toBe("10 40 01 41 16");
    expect(toHex(encodeFrame(reqUd2(1)))).toBe("10 5B 01 5C 16");
    expect(toHex(encodeFrame(reqUd2(1, true)))).toBe("10 7B 01 7C 16");
  });

  it("FCB toggles after each answered request and restarts after SND_NKE", () => {
    const t = new FcbTracker();
    t.reset(5);
    const seq: number[] = [];
    for (let i = 0; i < 3; i++) {
      const f = t.reqUd2(5);
      if (f.kind === "short") seq.push(f.control);
      t.answered(5);
    }
    const unanswered = t.reqUd2(5);
    const repeat = t.reqUd2(5);
    expect(seq).toEqual([C.REQ_UD2_FCB, C.REQ_UD2, C.REQ_UD2_FCB]);
    expect(unanswered).toEqual(repeat);
  });
});

describe("secondary addressing", () => {
  it("encodes a selection with BCD id and wildcards", () => {
    const f = selectSecondary({ id: "1234FFFF" });
    expect(toHex(encodeFrame(f))).toBe("68 0B 0B 68 53 FD 52 FF FF 34 12 FF FF FF FF E2 16");
    const full = selectSecondary({ id: "14839120", manufacturer: "KAM", version: 1, medium: 2 });
    expect(f.kind === "long" && toHex(f.data)).toBe("FF FF 34 12 FF FF FF FF");
    expect(full.kind === "long" && toHex(full.data)).toBe("20 91 83 14 2D 2C 01 02");
  });

  it("parses a selection back on the slave side", () => {
    const f = selectSecondary({ id: "14839120", manufacturer: "KAM", version: 1, medium: 2 });
    const back = decodeFrame(encodeFrame(f));
    if (!back.ok || back.value.frame.kind !== "long") throw new Error("no long frame");
    expect(parseSelection(back.value.frame.data)).toEqual({
      id: "14839120",
      manufacturer: "KAM",
      version: 1,
      medium: 2,
    });
  });

  it("matches a decoded header against wildcard patterns", () => {
    // kamstrup_382_005 from the corpus
    const r = decodeTelegramHex(
      "68 46 46 68 08 78 72 20 91 83 14 2D 2C 01 02 04 00 00 00 04 06 00 00 00 00 04 22 09 00 00 00 04 2B 00 00 00 00 14 2B 00 00 00 00 84 50 06 00 00 00 00 84 60 06 00 00 00 00 0F 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 10 24 16",
    );
    if (!r.ok || r.value.type !== "variable" || r.value.header?.kind !== "long") throw new Error("decode");
    const h = r.value.header;
    expect(matchesSecondary({ id: "14839120" }, h)).toBe(true);
    expect(matchesSecondary({ id: "1483FFFF", manufacturer: "KAM" }, h)).toBe(true);
    expect(matchesSecondary({ id: "FFFFFFFF", medium: 2 }, h)).toBe(true);
    expect(matchesSecondary({ id: "14839121" }, h)).toBe(false);
    expect(matchesSecondary({ manufacturer: "ABB" }, h)).toBe(false);
    expect(matchesSecondary({ medium: 7 }, h)).toBe(false);
  });

  it("rejects ids that are not BCD digits or wildcards", () => {
    expect(() => selectSecondary({ id: "12G45678" })).toThrow(/secondary id/);
  });

  it("packs manufacturer letters (EN 13757-3 clause 6.3.3)", () => {
    expect(manufacturerCode("KAM")).toBe(0x2c2d);
    expect(manufacturerLetters(0x2c2d)).toBe("KAM");
    expect(() => manufacturerCode("K4M")).toThrow();
  });
});
