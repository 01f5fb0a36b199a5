import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHex } from "../src/hex";

export interface DlmsFixture {
  name: string;
  transport: "mbus" | "hdlc" | "raw";
  hex: string;
  key: string | null;
  authKey: string | null;
  expected: { count: number; strings: Record<string, string>; numbers: Record<string, number> };
}

const DIR = join(import.meta.dirname, "fixtures");

export function loadFixtures(): DlmsFixture[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(DIR, f), "utf8")) as DlmsFixture);
}

export function bytes(hex: string): Uint8Array {
  const r = parseHex(hex);
  if (!r.ok) throw r.error;
  return r.value;
}

export function fixtureKeys(f: DlmsFixture): { key?: Uint8Array; authKey?: Uint8Array } {
  return {
    ...(f.key ? { key: bytes(f.key) } : {}),
    ...(f.authKey ? { authKey: bytes(f.authKey) } : {}),
  };
}
