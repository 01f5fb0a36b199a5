/**
 * `npm run bench`: runs every `bench/*.bench.ts` in its own process, one after the other (so each has
 * the machine to itself), and prints where its figures were written. `npm run bench -- decode` runs one.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(`${o}.`)))
  .sort();

if (files.length === 0) {
  process.stderr.write(`bench: nothing matches ${only.join(", ")}\n`);
  process.exit(1);
}
let failed = 0;
for (const file of files) {
  process.stdout.write(`\n== ${file}\n`);
  const res = spawnSync(process.execPath, ["--import", "tsx", join(here, file)], { stdio: "inherit" });
  if (res.status !== 0) {
    failed++;
    process.stdout.write(`!! ${file} exited with ${res.status ?? res.signal}\n`);
  }
}
process.stdout.write(
  `\nbench: ${files.length - failed} of ${files.length} benchmarks finished; figures in bench/results/*.json\n`,
);
process.exit(failed === 0 ? 0 : 1);
