/**
 * `npm run bench`: runs every `bench/*.bench.ts` in its own process, one after the other (so each has
 * the machine to itself), and prints where its figures were written. `npm run bench -- decode` runs one.
 *
 * Figures go to bench/results/local/*.json (git-ignored), so a run leaves the tree clean. The committed
 * bench/results/*.json change only on purpose: `npm run bench -- --save [names]` (or OMDP_BENCH_SAVE=1)
 * also writes them there. A bench writes bench/results/<name>.json itself; this runner keeps what was
 * there before each bench, copies what the bench wrote to results/local/, and puts the kept file back
 * unless saving (also when the bench fails or Ctrl-C stops it).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const results = join(here, "results");
const local = join(results, "local");
const args = process.argv.slice(2);
const save = args.includes("--save") || process.env.OMDP_BENCH_SAVE === "1";
const only = args.filter((a) => a !== "--save");
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(`${o}.`)))
  .sort();

if (files.length === 0) {
  process.stderr.write(`bench: nothing matches ${only.join(", ")}\n`);
  process.exit(1);
}

/** The committed results as they are now (name to bytes). */
function snapshot(): Map<string, Buffer> {
  mkdirSync(results, { recursive: true });
  return new Map(
    readdirSync(results)
      .filter((f) => f.endsWith(".json"))
      .map((f) => [f, readFileSync(join(results, f))]),
  );
}

/** Copies what a bench wrote to results/local/ and, unless saving, puts the earlier files back. */
function settle(before: Map<string, Buffer>): string[] {
  const written: string[] = [];
  for (const [name, bytes] of snapshot()) {
    const old = before.get(name);
    if (old?.equals(bytes)) continue;
    mkdirSync(local, { recursive: true });
    copyFileSync(join(results, name), join(local, name));
    written.push(name);
    if (save) continue;
    if (old) writeFileSync(join(results, name), old);
    else rmSync(join(results, name));
  }
  return written;
}

// Ctrl-C reaches the bench too (same process group); the runner outlives it to put the files back.
let interrupted = false;
process.on("SIGINT", () => {
  interrupted = true;
});

let failed = 0;
const written: string[] = [];
for (const file of files) {
  if (interrupted) break;
  process.stdout.write(`\n== ${file}\n`);
  const before = snapshot();
  const res = spawnSync(process.execPath, ["--import", "tsx", join(here, file)], { stdio: "inherit" });
  written.push(...settle(before));
  if (res.status !== 0) {
    failed++;
    process.stdout.write(`!! ${file} exited with ${res.status ?? res.signal}\n`);
  }
}
const where = written.length
  ? `figures in bench/results/local/{${written.join(",")}}${save ? " and saved to bench/results/" : " (--save also writes bench/results/)"}`
  : "no figures written";
process.stdout.write(`\nbench: ${files.length - failed} of ${files.length} benchmarks finished; ${where}\n`);
process.exit(failed === 0 && !interrupted ? 0 : 1);
