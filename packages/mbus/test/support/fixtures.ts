import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = join(here, "..", "fixtures");

export interface ExpectedRecord {
  id: number;
  function: string;
  storage: number | null;
  tariff: number | null;
  subunit: number | null;
  unit: string;
  quantity: string | null;
  value: string;
  numeric: number | null;
}

export interface ValidFixture {
  name: string;
  hex: string;
  expected: { slave: Record<string, string | null>; records: ExpectedRecord[] };
}

export interface InvalidFixture {
  name: string;
  hex: string;
  libmbus_says: string;
}

function load<T>(sub: string): T[] {
  const dir = join(FIXTURES, sub);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as T);
}

export const validFixtures = (): ValidFixture[] => load<ValidFixture>("valid");
export const invalidFixtures = (): InvalidFixture[] => load<InvalidFixture>("invalid");
