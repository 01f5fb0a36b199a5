/**
 * Writes infra-bicep/cosmos-containers.json from the code's container specs
 * (functions/src/store/cosmos-containers.ts), so Bicep creates exactly what the code uses:
 *   npx tsx scripts/gen-cosmos-containers.ts
 * tests/infra/bicep.test.ts fails when the committed JSON and the code disagree.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
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
  const out = join(dirname(fileURLToPath(import.meta.url)), "../infra-bicep/cosmos-containers.json");
  writeFileSync(out, `${JSON.stringify(cosmosContainersForBicep(), null, 2)}\n`);
  process.stdout.write(`wrote ${out}\n`);
}
