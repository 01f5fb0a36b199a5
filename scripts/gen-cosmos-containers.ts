/**
 * Writes infra-bicep/cosmos-containers.json from the code's container specs
 * (functions/src/store/cosmos-containers.ts), so Bicep creates exactly what the code uses:
 *   npx tsx scripts/gen-cosmos-containers.ts [--out FILE]
 * tests/infra/bicep.test.ts fails when the committed JSON and the code disagree. The file is then laid
 * out by the repository's own formatter (biome, biome.json), so `npm run lint` accepts it as written.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { COSMOS_CONTAINERS } from "../functions/src/store/cosmos-containers";

export interface BicepContainer {
  name: string;
  partitionKeyPaths: string[];
  indexingPolicy: unknown;
  /** -1: TTL on, each item sets its own `ttl` (retention by app setting); absent: items never expire. */
  defaultTtl?: number;
}

export function cosmosContainersForBicep(): BicepContainer[] {
  return Object.values(COSMOS_CONTAINERS).map((spec) => ({
    name: spec.id,
    partitionKeyPaths: [spec.partitionKey],
    indexingPolicy: spec.indexingPolicy,
    ...("retentionSetting" in spec ? { defaultTtl: -1 } : {}),
  }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const i = process.argv.indexOf("--out");
  const out =
    i > 0 && process.argv[i + 1]
      ? resolve(process.argv[i + 1])
      : join(root, "infra-bicep/cosmos-containers.json");
  writeFileSync(out, `${JSON.stringify(cosmosContainersForBicep(), null, 2)}\n`);
  const biome = createRequire(import.meta.url).resolve("@biomejs/biome/bin/biome");
  const fmt = spawnSync(
    process.execPath,
    [biome, "format", "--write", `--config-path=${join(root, "biome.json")}`, out],
    { encoding: "utf8" },
  );
  if (fmt.status !== 0) {
    process.stderr.write(`biome format ${out} failed:\n${fmt.stdout}${fmt.stderr}`);
    process.exit(1);
  }
  process.stdout.write(`wrote ${out}\n`);
}
