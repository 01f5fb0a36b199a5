/** The wmbusmeters corpus (fixtures/wmbusmeters_wmbus.json) and the comparison of printed values. */
import { readFileSync } from "node:fs";

export interface CorpusTest {
  driver: string;
  name: string;
  id: string;
  key: string | null;
  telegrams: string[];
  telegramHex: string;
  expectedJson: Record<string, unknown>;
}

export const CORPUS = JSON.parse(
  readFileSync(new URL("../fixtures/wmbusmeters_wmbus.json", import.meta.url), "utf8"),
) as {
  source: string;
  commit: string;
  count: number;
  tests: CorpusTest[];
};

/**
 * Same printed value: wmbusmeters prints at most 6 decimals (no corpus value has more), so ours equals
 * its print when it rounds to it (within half the 6th decimal); ours are tidied to 12 significant digits.
 */
export function sameValue(got: unknown, want: number): boolean {
  return typeof got === "number" && Math.abs(got - want) <= 5e-7 + 1e-9 * Math.max(1, Math.abs(want));
}

export function keyOf(t: { key?: string | null }): Uint8Array | undefined {
  return t.key ? Buffer.from(t.key, "hex") : undefined;
}
