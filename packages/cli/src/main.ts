import { readFileSync } from "node:fs";
import { COMMANDS } from "./commands";

/** The version of the cli package (its package.json), printed by `omdp --version`. */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    "Usage: omdp <command> [options]",
    "",
    "Commands:",
    ...lines,
    "",
    "omdp <command> --help for its options; omdp --version prints the version.",
  ].join("\n");
}

/** Dispatches `omdp <command> ...` and returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${usage()}\n`);
    return name ? 0 : 1;
  }
  if (name === "--version" || name === "-V" || name === "version") {
    process.stdout.write(`omdp ${version()}\n`);
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    process.stderr.write(`omdp: unknown command '${name}'\n\n${usage()}\n`);
    return 2;
  }
  let mod: { run(argv: string[]): Promise<number> };
  try {
    mod = await entry.load();
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "ERR_MODULE_NOT_FOUND" && String((err as Error).message).includes(`commands/${name}`)) {
      process.stderr.write(`omdp ${name}: not built yet in this version of the platform\n`);
      return 1;
    }
    throw err;
  }
  return mod.run(rest);
}
