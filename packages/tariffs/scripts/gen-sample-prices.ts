/**
 * Writes the local platform's SYNTHETIC sample prices: `npx tsx packages/tariffs/scripts/gen-sample-prices.ts [year] [seed]`
 * → packages/tariffs/data/at-<year>-synthetic.csv (the shape is documented in src/sample-prices.ts).
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { formatPriceCsv } from "../src/csv";
import { SAMPLE_ZONE, samplePrices } from "../src/sample-prices";

export const SAMPLE_YEAR = 2026;
export const SAMPLE_SEED = 2026;

export function sampleCsv(year = SAMPLE_YEAR, seed = SAMPLE_SEED): string {
  return formatPriceCsv({ currency: "EUR", slots: samplePrices(year, seed) }, [
    `SYNTHETIC day-ahead prices, not market data: packages/tariffs/src/sample-prices.ts, year=${year} seed=${seed} zone=${SAMPLE_ZONE}`,
    "currency=EUR unit=MWh resolution=PT60M",
  ]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const year = Number(process.argv[2] ?? SAMPLE_YEAR);
  const seed = Number(process.argv[3] ?? SAMPLE_SEED);
  const out = fileURLToPath(new URL(`../data/at-${year}-synthetic.csv`, import.meta.url));
  writeFileSync(out, sampleCsv(year, seed));
  process.stdout.write(`wrote ${out}\n`);
}
