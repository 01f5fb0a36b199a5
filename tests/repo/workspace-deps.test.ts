/**
 * Every package a workspace's sources import is declared in that workspace's own package.json, so a
 * production install of one workspace (`npm ci --omit=dev -w modules/sharing`, as the module images do)
 * has everything it needs. Tests may also use the root's devDependencies.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const rootPkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const builtins = new Set(builtinModules);

function workspaces(): string[] {
  return (rootPkg.workspaces as string[]).flatMap((pattern) =>
    pattern.endsWith("/*")
      ? readdirSync(join(root, pattern.slice(0, -2)))
          .map((d) => join(pattern.slice(0, -2), d))
          .filter(
            (d) =>
              statSync(join(root, d)).isDirectory() && readdirSync(join(root, d)).includes("package.json"),
          )
      : [pattern],
  );
}

function sourceFiles(dir: string): string[] {
  let out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e === "node_modules" || e === "dist" || e === "fixtures") continue;
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out = out.concat(sourceFiles(p));
    else if (/\.(ts|mts|tsx)$/.test(e) && !e.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

/** Bare package names a file imports (static, dynamic with a literal, and `export ... from`). */
function importedPackages(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(
    /(?:^|[\s;])(?:import|export)\s(?:[^'";]*?\sfrom\s)?["']([^"'.][^"']*)["']|import\(\s*["']([^"'.][^"']*)["']\s*\)/gm,
  )) {
    const spec = (m[1] ?? m[2])!;
    if (spec.startsWith("node:") || spec.startsWith("/")) continue;
    const parts = spec.split("/");
    const name = spec.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
    if (!builtins.has(name)) names.add(name);
  }
  return [...names];
}

describe("workspace dependencies", () => {
  it("reads imports of every form", () => {
    expect(
      importedPackages(
        `import { a } from "zod";\nimport type { B } from "@azure/cosmos/x";\nexport { c } from "./local";\nconst m = await import("jose");\nimport fs from "node:fs";\nimport "mqtt";`,
      ).sort(),
    ).toEqual(["@azure/cosmos", "jose", "mqtt", "zod"]);
  });

  for (const ws of workspaces()) {
    if (ws === "app") continue; // bundled by Vite: its packages are build-time devDependencies
    it(`${ws} declares what its sources import`, () => {
      const pkg = JSON.parse(readFileSync(join(root, ws, "package.json"), "utf8"));
      const declared = new Set([
        ...Object.keys(pkg.dependencies ?? {}),
        ...Object.keys(pkg.peerDependencies ?? {}),
        pkg.name,
      ]);
      const missing = new Set<string>();
      for (const file of [...sourceFiles(join(root, ws, "src")), ...sourceFiles(join(root, ws, "bin"))])
        for (const name of importedPackages(readFileSync(file, "utf8")))
          if (!declared.has(name)) missing.add(name);
      expect([...missing].sort(), `add to ${ws}/package.json dependencies`).toEqual([]);
    });
  }
});
