import { describe, expect, it } from "vitest";
import { PROFILES } from "../src/profiles/index";
import { decodePush } from "../src/push";
import { bytes } from "./helpers";

describe("meter profiles: each decodes its golden telegram to its golden values", () => {
  for (const p of PROFILES) {
    it(p.id, () => {
      for (const opts of [{ profile: p.id }, {}]) {
        const r = decodePush(bytes(p.golden.hex), { ...opts, transport: p.golden.transport });
        if (!r.ok) throw r.error;
        expect(r.value.profile).toBe(p.id);
        expect(r.value.cosem).toHaveLength(Object.keys(p.golden.values).length);
        for (const [obis, want] of Object.entries(p.golden.values)) {
          const got = r.value.cosem.find((c) => c.obis === obis);
          expect(got, obis).toBeDefined();
          if (typeof want === "number") expect(got!.value as number, obis).toBeCloseTo(want, 9);
          else expect(got!.value, obis).toBe(want);
        }
      }
    });
  }

  it("every layout names each logical name once", () => {
    for (const p of PROFILES) {
      for (const [n, layout] of Object.entries(p.layouts ?? {})) {
        expect(layout, `${p.id}/${n}`).toHaveLength(Number(n));
        expect(new Set(layout.map((e) => e.obis)).size).toBe(layout.length);
      }
    }
  });

  it("an unknown profile name and a profile that does not fit are typed errors", () => {
    const golden = bytes(PROFILES[0]!.golden.hex);
    const r = decodePush(golden, { profile: "no-such-meter" });
    expect(r.ok ? "ok" : r.error.code).toBe("PROFILE_UNKNOWN");
    // a flat list of 2 for which the Kaifa profile has no layout
    const short = bytes("0F 40000000 00 02 02 09 07 4B464D5F303031 11 05");
    const m = decodePush(short, { profile: "kaifa-ma304" });
    expect(m.ok ? "ok" : m.error.code).toBe("PROFILE_MISMATCH");
    // without naming it, no profile matches and the values stay unlabeled
    const auto = decodePush(short);
    if (!auto.ok) throw auto.error;
    expect(auto.value.unlabeled).toEqual(["KFM_001", 5]);
  });
});
