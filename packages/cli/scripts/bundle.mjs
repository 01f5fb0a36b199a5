#!/usr/bin/env node
// Builds the prebuilt bundle of `omdp decode` that bin/omdp.js runs when it is fresh (start-up without
// tsx: tsx transpiling the sources costs more than decoding thousands of telegrams). Writes
// dist/decode.mjs and dist/decode.inputs.json (every source file with its size and mtime, so the bin can
// tell a stale bundle and fall back to tsx). Usage: node packages/cli/scripts/bundle.mjs [OUT_DIR]
import { statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const cli = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const root = resolve(cli, "..", "..");
const out = resolve(process.argv[2] ?? join(cli, "dist"));

const result = await build({
  entryPoints: [join(cli, "src", "commands", "decode.ts")],
  outfile: join(out, "decode.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  metafile: true,
  logLevel: "warning",
});
const inputs = {};
for (const file of Object.keys(result.metafile.inputs)) {
  const s = statSync(resolve(root, file));
  inputs[relative(root, resolve(root, file))] = [s.size, s.mtimeMs];
}
writeFileSync(join(out, "decode.inputs.json"), `${JSON.stringify({ inputs }, null, 1)}\n`);
process.stdout.write(`bundle: ${join(out, "decode.mjs")} from ${Object.keys(inputs).length} sources\n`);
