/** The OMS Vol. 2 annex example of security profile B (mode 7), see fixtures/oms-annex.json. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeWmbusHex } from "../../src/telegram";

const FIX = JSON.parse(readFileSync(new URL("../fixtures/oms-annex.json", import.meta.url), "utf8")) as {
  key: string;
  vectors: { name: string; hex: string; expect?: Record<string, number>; error?: string }[];
};
const KEY = Uint8Array.from(Buffer.from(FIX.key, "hex"));

describe("OMS Vol. 2 annex, security profile B (mode 7)", () => {
  it.each(FIX.vectors.map((v) => [v.name, v] as const))("%s", (_, v) => {
    const r = decodeWmbusHex(v.hex, { key: KEY });
    if (v.error !== undefined) {
      expect(r.ok ? "ok" : r.error.code).toBe(v.error);
      return;
    }
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const t = r.value;
    expect(t.meter.manufacturer).toBe("ELS");
    expect(t.meter.id).toBe("12345678");
    expect(t.afl?.mac?.length).toBe(8);
    expect(t.tpl?.accessNumber).toBe(v.expect!.accessNumber);
    expect(t.tpl?.config?.mode).toBe(v.expect!.mode);
    expect(t.tpl?.config?.encrypted).toBe(v.expect!.encryptedBlocks);
    expect(t.encryption.tpl).toBe("decrypted");
    expect(t.records[0]?.quantity).toBe("volume");
    expect(t.records[0]?.value).toBe(v.expect!.firstVolumeM3);
  });

  it("without the key: NO_KEY; with another key: BAD_MAC (the MAC is checked before decrypting)", () => {
    const hex = FIX.vectors[0]!.hex;
    const none = decodeWmbusHex(hex, {});
    expect(none.ok ? "ok" : none.error.code).toBe("NO_KEY");
    const other = decodeWmbusHex(hex, { key: new Uint8Array(16).fill(1) });
    expect(other.ok ? "ok" : other.error.code).toBe("BAD_MAC");
  });
});
