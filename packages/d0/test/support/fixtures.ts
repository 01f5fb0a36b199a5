import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** A corpus fixture (copied from /work/shared/corpus/d0; see its README for where the values come from). */
export interface D0Fixture {
  name: string;
  hex: string;
  units: Record<string, string>;
  sourceValues: Record<string, string>;
  expected: Record<string, number>;
  checks: { bcc: number | null };
}

const DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures");

export function fixtures(): D0Fixture[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(DIR, f), "utf8")) as D0Fixture);
}

export function fixture(name: string): D0Fixture {
  const f = fixtures().find((x) => x.name === name);
  if (f === undefined) throw new Error(`no fixture ${name}`);
  return f;
}

export function fixtureBytes(f: D0Fixture): Uint8Array {
  return new Uint8Array(Buffer.from(f.hex, "hex"));
}

export function latin1(t: string): Uint8Array {
  return new Uint8Array(Buffer.from(t, "latin1"));
}
