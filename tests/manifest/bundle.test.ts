import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../simulator/src/edgehub/index";

const MODULES = ["mbusReader", "analytics", "events", "sharing"] as const;
const EXTERNAL = ["better-sqlite3", "serialport"];
/** Optional `require`s inside try/catch of bundled libraries (node-fetch, ws): absent at run time by design. */
const OPTIONAL_REQUIRES = ["encoding", "bufferutil", "utf-8-validate"];

/** The esbuild command line of the Dockerfiles' build stage, parsed back, so the test bundles the same way. */
function dockerfileEsbuild(name: string): string {
  const df = readFileSync(join(REPO_ROOT, "modules", name, "Dockerfile.amd64"), "utf8");
  return /RUN npx esbuild ((?:[^\n\\]|\\\n)+)/.exec(df)?.[1] ?? "";
}

describe.each(MODULES)("image bundle of %s", (name) => {
  it("bundles main.ts as the Dockerfile does, leaving only Node built-ins and native packages outside", async () => {
    const cmd = dockerfileEsbuild(name);
    expect(cmd).toContain(`modules/${name}/src/main.ts --bundle --platform=node --format=esm`);
    for (const e of EXTERNAL) expect(cmd).toContain(`--external:${e}`);
    const result = await build({
      entryPoints: [join(REPO_ROOT, "modules", name, "src", "main.ts")],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      external: EXTERNAL,
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    expect(result.errors).toEqual([]);
    const imports = Object.values(result.metafile.outputs).flatMap((o) =>
      o.imports.filter((i) => i.external),
    );
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const outside = imports.filter((i) => !builtins.has(i.path));
    for (const i of outside) {
      const allowed = i.kind === "require-call" ? [...EXTERNAL, ...OPTIONAL_REQUIRES] : EXTERNAL;
      expect(
        allowed.some((e) => i.path === e || i.path.startsWith(`${e}/`)),
        `${i.path} (${i.kind})`,
      ).toBe(true);
    }
  });
});
