#!/usr/bin/env node
// The omdp command line. Sources are TypeScript; tsx compiles them on load.
// `omdp decode` runs from a prebuilt bundle instead when one is present and fresh (start-up without tsx;
// build it with `npm run bundle -w @omdp/cli`): dist/decode.mjs, whose dist/decode.inputs.json lists
// every source with its size and mtime. Any source changed since, or OMDP_NO_BUNDLE=1: tsx as always.
import { readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const argv = process.argv.slice(2);

/** The bundle of `command` when every source it was built from is unchanged, else null. */
function freshBundle(command) {
  if (process.env.OMDP_NO_BUNDLE === "1") return null;
  const cli = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const dist = process.env.OMDP_BUNDLE_DIR ? resolve(process.env.OMDP_BUNDLE_DIR) : join(cli, "dist");
  const root = resolve(cli, "..", "..");
  try {
    const { inputs } = JSON.parse(readFileSync(join(dist, `${command}.inputs.json`), "utf8"));
    for (const [file, [size, mtimeMs]] of Object.entries(inputs)) {
      const s = statSync(resolve(root, file));
      if (s.size !== size || s.mtimeMs !== mtimeMs) return null;
    }
    return pathToFileURL(join(dist, `${command}.mjs`)).href;
  } catch {
    return null; // no bundle (or an unreadable one): tsx
  }
}

const bundle = argv[0] === "decode" ? freshBundle("decode") : null;
if (bundle) {
  const { run } = await import(bundle);
  process.exitCode = await run(argv.slice(1));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  const { main } = await import("../src/main.ts");
  process.exitCode = await main(argv);
}
