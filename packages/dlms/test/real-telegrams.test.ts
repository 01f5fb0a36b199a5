import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodePush } from "../src/push";
import { bytes } from "./helpers";

/**
 * Real telegrams published with their values by someone other than this code (a grid operator's or a
 * user's worked example, another decoder's test suite): test/fixtures/real/*.json, each citing where
 * its bytes and values were published and how the expected values were read off the document.
 */
interface RealFixture {
  name: string;
  country: string;
  meter: string;
  source: { url: string; where: string };
  transport: "mbus" | "hdlc" | "raw";
  hex: string;
  key: string | null;
  authKey: string | null;
  profile?: string;
  derivation: string;
  expected: {
    frames?: number;
    blocks?: number;
    systemTitle?: string;
    frameCounter?: number;
    dateTime?: string;
    count?: number;
    strings: Record<string, string>;
    numbers: Record<string, number>;
    units?: Record<string, string>;
    /** Logical names that must be present; '*' matches any value of a group. */
    present?: string[];
  };
}

const DIR = join(import.meta.dirname, "fixtures/real");
const FIXTURES: RealFixture[] = readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(DIR, f), "utf8")) as RealFixture);

const matches = (pattern: string, obis: string) =>
  pattern.split(".").every((g, i) => g === "*" || g === obis.split(".")[i]);

describe("real telegrams with published values (test/fixtures/real)", () => {
  it("every fixture cites its source and how its values were obtained", () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(3);
    for (const f of FIXTURES) {
      expect(f.source.url, f.name).toMatch(/^https:\/\//);
      expect(f.derivation.length, f.name).toBeGreaterThan(20);
    }
  });

  it.each(FIXTURES.map((f) => [`${f.country} ${f.name}`, f] as const))("%s", (_n, f) => {
    const r = decodePush(bytes(f.hex), {
      transport: f.transport,
      ...(f.key ? { key: bytes(f.key) } : {}),
      ...(f.authKey ? { authKey: bytes(f.authKey) } : {}),
      ...(f.profile ? { profile: f.profile } : {}),
    });
    if (!r.ok) throw r.error;
    const t = r.value;
    const x = f.expected;
    if (x.frames !== undefined) expect(t.frames).toBe(x.frames);
    if (x.blocks !== undefined) expect(t.blocks).toBe(x.blocks);
    if (x.systemTitle !== undefined) expect(t.systemTitle).toBe(x.systemTitle);
    if (x.frameCounter !== undefined) expect(t.frameCounter).toBe(x.frameCounter);
    if (x.dateTime !== undefined) expect(t.dateTime?.text).toBe(x.dateTime);
    if (x.count !== undefined) expect(t.cosem).toHaveLength(x.count);
    const by = new Map(t.cosem.map((c) => [c.obis, c]));
    for (const [obis, want] of Object.entries(x.strings)) expect(by.get(obis)?.value, obis).toBe(want);
    for (const [obis, want] of Object.entries(x.numbers)) {
      expect(by.get(obis), obis).toBeDefined();
      expect(by.get(obis)!.value as number, obis).toBeCloseTo(want, 9);
    }
    for (const [obis, unit] of Object.entries(x.units ?? {})) expect(by.get(obis)?.unit, obis).toBe(unit);
    for (const p of x.present ?? [])
      expect(
        t.cosem.some((c) => matches(p, c.obis)),
        p,
      ).toBe(true);
  });
});
