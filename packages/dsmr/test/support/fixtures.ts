import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** A corpus fixture (copied from the shared corpus; see its README for where the values come from). */
export interface DsmrFixture {
  name: string;
  hex: string;
  key?: string;
  authKey?: string;
  crcValid?: boolean | null;
  units: Record<string, string>;
  sourceValues: Record<string, string>;
  expected: Record<string, number>;
  alternatives?: Record<string, string[]>;
}

const DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures");

export function fixtures(): DsmrFixture[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(DIR, f), "utf8")) as DsmrFixture);
}

export function fixtureBytes(f: DsmrFixture): Uint8Array {
  return new Uint8Array(Buffer.from(f.hex, "hex"));
}

/** `1.0.1.8.1.255` -> `1-0:1.8.1`. */
export function obisId(dotted: string): string {
  const [a, b, c, d, e] = dotted.split(".");
  return `${a}-${b}:${c}.${d}.${e}`;
}
