/**
 * Help and version handling of the cli (issue 16 section 5): `omdp dps --help` exits 0 with its help,
 * `omdp --version` prints the package's version, each `omdp edge <verb> --help` prints that verb's help.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../src/main";

const PKG = JSON.parse(readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8")) as {
  version: string;
};

/** Runs main(argv) in this process and captures what it writes. */
async function omdp(argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const status = await main(argv);
    return { status, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe("omdp help and version", () => {
  it("omdp dps --help exits 0 with the dps help, not a missing-flag error", async () => {
    for (const argv of [
      ["dps", "--help"],
      ["dps", "-h"],
      ["dps", "derive-key", "--help"],
    ]) {
      const r = await omdp(argv);
      expect(r.status, argv.join(" ")).toBe(0);
      expect(r.stdout).toContain("omdp dps derive-key --group-key BASE64 --registration-id ID");
      expect(r.stderr).toBe("");
    }
  });

  it("omdp --version prints the cli package's version", async () => {
    for (const flag of ["--version", "-V"]) {
      const r = await omdp([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`omdp ${PKG.version}\n`);
    }
  });

  it("omdp --help lists backup and restore", async () => {
    const r = await omdp(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ {2}backup +encrypted online backup/m);
    expect(r.stdout).toMatch(/^ {2}restore +restore a backup/m);
  });

  // Each verb's own usage line (the general help starts with "Usage:\n  omdp edge [options]").
  const verbs: readonly [string, string][] = [
    ["invoke", "Usage: omdp edge invoke <module> <method> [json]"],
    ["twin", "Usage: omdp edge twin <module>"],
    ["desired", "Usage: omdp edge desired <module> <json>"],
    ["token", "Usage: omdp edge token create --name <name>"],
    ["upstream", "Usage: omdp edge upstream"],
    ["leaf", "Usage: omdp edge leaf <deviceId>"],
  ];
  it.each(verbs)("omdp edge %s --help prints that verb's help", async (verb, usage) => {
    const r = await omdp(["edge", verb, "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith(usage)).toBe(true);
    expect(r.stdout).not.toContain("Options of 'omdp edge'");
  });

  it("omdp edge --help still prints the general edge help", async () => {
    const r = await omdp(["edge", "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Options of 'omdp edge'");
  });

  it("omdp backup --help and omdp restore --help exit 0", async () => {
    expect((await omdp(["backup", "--help"])).stdout).toContain("Usage: omdp backup --out FILE");
    expect((await omdp(["restore", "--help"])).stdout).toContain("Usage: omdp restore --in FILE --data DIR");
  });
});
