/**
 * `omdp decode` on wireless M-Bus: auto-detection, --protocol wmbus, --key, --keys FILE (both forms),
 * --batch; expected values are wmbusmeters' printed ones (corpus wmbus/wmbusmeters_wmbus.json, copied
 * to packages/wmbus/test/fixtures).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonLines, omdpDecode, ROOT } from "./support/decode";

interface T {
  driver: string;
  id: string;
  key: string | null;
  telegramHex: string;
  expectedJson: Record<string, unknown>;
}
const CORPUS = JSON.parse(
  readFileSync(join(ROOT, "packages/wmbus/test/fixtures/wmbusmeters_wmbus.json"), "utf8"),
) as { tests: T[] };
const byDriver = (d: string) => CORPUS.tests.find((t) => t.driver === d)!;

describe("omdp decode: wireless M-Bus", () => {
  it("auto-detects a wM-Bus telegram and prints records, driver and values", () => {
    const t = byDriver("aerius");
    const r = omdpDecode([t.telegramHex]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.protocol).toBe("wmbus");
    expect(doc.meter.id).toBe(t.id);
    expect(doc.records.length).toBeGreaterThan(0);
    expect(doc.driver).toBe("aerius");
    expect(doc.values.total_m3).toBe(t.expectedJson.total_m3);
  });

  it("--key decrypts mode 5; without it the error says NO_KEY and no key is printed", () => {
    const t = byDriver("elf2");
    const ok = omdpDecode(["--protocol", "wmbus", "--key", t.key!, t.telegramHex]);
    expect(ok.status).toBe(0);
    const doc = JSON.parse(ok.stdout);
    expect(doc.encryption.tpl).toBe("decrypted");
    expect(JSON.stringify(doc)).not.toContain(t.key!);
    const none = omdpDecode([t.telegramHex]);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain("NO_KEY");
  });

  it("--keys FILE in both forms, and --batch with one JSON line per telegram", () => {
    const enc = CORPUS.tests.filter((t) => t.key !== null && ["elf2", "kaden", "rfmamb"].includes(t.driver));
    const dir = mkdtempSync(join(tmpdir(), "omdp-wmbus-"));
    const plain = join(dir, "keys.json");
    const reader = join(dir, "reader-keys.json");
    writeFileSync(plain, JSON.stringify(Object.fromEntries(enc.map((t) => [t.id, t.key]))));
    writeFileSync(reader, JSON.stringify(Object.fromEntries(enc.map((t) => [t.id, { key: t.key }]))));
    const lines = [...enc.map((t) => t.telegramHex), byDriver("aerius").telegramHex, "00"].join("\n");
    for (const file of [plain, reader]) {
      const r = omdpDecode(["--batch", "--keys", file], `${lines}\n`);
      const docs = jsonLines(r.stdout);
      expect(docs.length).toBe(enc.length + 2);
      for (const [i, t] of enc.entries()) {
        expect(docs[i].ok).toBe(true);
        expect(docs[i].encryption.tpl).toBe("decrypted");
        expect(docs[i].meter.id).toBe(t.id);
      }
      expect(docs[enc.length].values.total_m3).toBe(byDriver("aerius").expectedJson.total_m3);
      expect(docs[enc.length + 1].ok).toBe(false);
    }
  });

  it("refuses a keys file with a bad entry, naming the meter and not the key", () => {
    const dir = mkdtempSync(join(tmpdir(), "omdp-wmbus-"));
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ "12345678": "ABCD" }));
    const r = omdpDecode(["--keys", file, byDriver("aerius").telegramHex]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("12345678");
    expect(r.stderr).not.toContain("ABCD");
  });
});
