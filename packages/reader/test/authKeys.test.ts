/**
 * Authentication keys: keys files in both forms (`"HEX"` and `{ key, authKey }`), the simulator's
 * keys() taken as is, authenticated and encrypted pushes (security control 0x30) read with the right
 * authentication key, and a wrong one rejected as a typed DECRYPT error (AUTH_FAILED) that only moves
 * the diagnostics while the readings around it, of the same meter and of others, arrive.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MeterReading } from "@omdp/model";
import { createMeterFleet, type SentTelegram } from "@omdp/simulator";
import { afterEach, describe, expect, it } from "vitest";
import { createReader, KeyStore, type ReaderError, streamLink } from "../src/index";

const K1 = "00112233445566778899AABBCCDDEEFF";
const A1 = "0F0E0D0C0B0A09080706050403020100";
const K2 = "A0A1A2A3A4A5A6A7A8A9AAABACADAEAF";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function until(check: () => boolean, timeoutMs = 10_000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

describe("KeyStore keys files", () => {
  it("reads both forms, keeps the authentication key, never shows either", async () => {
    dir = mkdtempSync(join(tmpdir(), "omdp-keys-"));
    const file = join(dir, "keys.json");
    writeFileSync(
      file,
      JSON.stringify({ KFM1000000001: K1.toLowerCase(), SAG1000000002: { key: K2, authKey: A1 } }),
      { mode: 0o600 },
    );
    const keys = new KeyStore();
    expect(await keys.loadFile(file)).toBe(2);
    expect(keys.get("KFM1000000001")?.key.toString("hex").toUpperCase()).toBe(K1);
    expect(keys.get("KFM1000000001")?.authKey).toBeUndefined();
    expect(keys.get("SAG1000000002")?.key.toString("hex").toUpperCase()).toBe(K2);
    expect(keys.get("SAG1000000002")?.authKey?.toString("hex").toUpperCase()).toBe(A1);
    expect(keys.redact(`k=${A1.toLowerCase()} and ${K2}`)).toBe("k=[redacted] and [redacted]");
    expect(JSON.stringify(keys)).not.toMatch(/[0-9A-F]{32}/i);
    // set() takes a keys-file entry as well as the key with an optional authentication key
    keys.set("X", { key: K1, authKey: A1 });
    keys.set("Y", K1, A1);
    expect(keys.get("X")).toEqual(keys.get("Y"));
  });

  it("rejects an entry with a bad authentication key, naming the meter but not the key", () => {
    const keys = new KeyStore();
    let err: Error | undefined;
    try {
      keys.load({ SAG1000000002: { key: K2, authKey: "1234" } });
    } catch (e) {
      err = e as Error;
    }
    expect(err?.message).toContain("SAG1000000002");
    expect(err?.message).not.toContain(K2);
    expect(keys.has("SAG1000000002")).toBe(false);
  });
});

describe("authenticated pushes (security control 0x30) through the reader", () => {
  it("right authentication key: readings; wrong one: typed AUTH_FAILED in diagnostics, the rest arrive", async () => {
    const fleet = createMeterFleet({
      meters: [
        { id: "SAG1000000002", kind: "dlms", seed: 2, authenticated: true, pv: true },
        { id: "KFM1000000003", kind: "dlms", seed: 3, authenticated: true },
        { id: "KFM1000000004", kind: "dlms", seed: 4 },
      ],
      speed: 200,
      start: Date.UTC(2026, 5, 21, 10, 0, 0),
    });
    const sent: SentTelegram[] = [];
    fleet.onTelegram((t) => sent.push(t));
    const simKeys = fleet.keys();
    expect(typeof simKeys.SAG1000000002).toBe("object");
    // the simulator's keys() is a keys file as it stands
    dir = mkdtempSync(join(tmpdir(), "omdp-keys-"));
    const keysFile = join(dir, "keys.json");
    writeFileSync(keysFile, JSON.stringify(simKeys), { mode: 0o600 });
    const reader = createReader(
      { transport: { kind: "tcp", port: 1 }, mode: "listen", keysFile },
      { link: streamLink(fleet, "simulator") },
    );
    const readings: MeterReading[] = [];
    const errors: ReaderError[] = [];
    reader.on("reading", (r) => readings.push(r));
    reader.on("error", (e) => errors.push(e));
    await reader.start();
    const of = (id: string) => readings.filter((r) => r.meterId === id).length;
    const right = simKeys.KFM1000000003 as { key: string; authKey: string };
    const wrongAuth = Buffer.from(Buffer.from(right.authKey, "hex").map((b) => b ^ 0x3c)).toString("hex");
    try {
      fleet.start();
      expect(await until(() => of("KFM1000000003") >= 3)).toBe(true);
      reader.setKey("KFM1000000003", right.key, wrongAuth);
      expect(await until(() => errors.filter((e) => e.details.meterId === "KFM1000000003").length >= 3)).toBe(
        true,
      );
      reader.setKey("KFM1000000003", right.key, right.authKey);
      const before = of("KFM1000000003");
      expect(await until(() => of("KFM1000000003") >= before + 3)).toBe(true);
      fleet.stop();
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      fleet.stop();
      await reader.stop();
    }
    const failed = errors.filter((e) => e.details.meterId === "KFM1000000003");
    expect(failed.length).toBeGreaterThanOrEqual(3);
    for (const e of failed) {
      expect(e.code).toBe("DECRYPT");
      expect(e.message).toMatch(/^AUTH_FAILED: /);
    }
    expect(errors.length).toBe(failed.length); // nothing else went wrong
    const d = reader.diagnostics();
    expect(d.counters.decryptFailures).toBe(failed.length);
    expect(d.counters.decodeErrors).toBe(0);
    expect(d.meters.KFM1000000003?.errors).toBe(failed.length);
    // every push of every meter is a reading, except exactly the ones read with the wrong auth key
    const intact = sent.filter((t) => !t.fault);
    for (const id of ["SAG1000000002", "KFM1000000003", "KFM1000000004"]) {
      const pushes = intact.filter((t) => t.meterId === id);
      const got = readings.filter((r) => r.meterId === id);
      const lost = id === "KFM1000000003" ? failed.length : 0;
      expect(got.length, id).toBe(pushes.length - lost);
      const times = new Set(got.map((r) => Date.parse(r.readingTime)));
      for (const t of pushes) {
        if (!times.has(t.meterTime)) continue;
        const r = got.find((x) => Date.parse(x.readingTime) === t.meterTime)!;
        for (const v of t.values) {
          const rv = r.values.find((x) => x.property === v.property);
          expect(rv?.unit, `${id} ${v.property}`).toBe(v.unit);
          if (v.unit === "Wh" || v.unit === "varh") expect(rv?.value).toBe(v.value);
          else expect(rv?.value as number).toBeCloseTo(v.value as number, 6);
        }
      }
    }
    // readings of the same meter on both sides of the failures, in meter-time order
    const kfm3 = readings.filter((r) => r.meterId === "KFM1000000003").map((r) => Date.parse(r.readingTime));
    expect(kfm3).toEqual([...kfm3].sort((a, b) => a - b));
    // no key, no authentication key anywhere in errors or diagnostics
    const text = JSON.stringify([errors, d]).toUpperCase();
    for (const e of Object.values(simKeys)) {
      const k = typeof e === "string" ? { key: e } : e;
      for (const hex of Object.values(k)) expect(text).not.toContain(hex.toUpperCase());
    }
    expect(text).not.toContain(wrongAuth.toUpperCase());
  });
});
