/**
 * `omdp decode --batch` output is pinned byte for byte: fixtures/batch-mbus.expected.jsonl is what the
 * command printed (main at ed0bb30, before the streaming output, the byte writer and the bundle) for
 * fixtures/batch-mbus.hex, the M-Bus corpus (valid, then invalid, each sorted by name). Both ways the bin
 * runs, through tsx and from a freshly built bundle, must print it again, except the vectors that
 * per-record degradation (issue 12 section 2) turns from a rejected frame into a telegram with a record
 * error: those must carry the same error code as the pinned line, as a record error.
 * The fixture was changed once, additively: each variable data line gained `"driver"` and `"values"`
 * (the meter driver's normalised fields, issue 12 section 2) inserted before its closing brace, every
 * byte before them as pinned (checked when updated: each new line starts with the old line minus its
 * last `}`).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const BIN = join(ROOT, "packages", "cli", "bin", "omdp.js");
const HERE = join(import.meta.dirname, "fixtures");
const INPUT = readFileSync(join(HERE, "batch-mbus.hex"), "utf8");
const EXPECTED = readFileSync(join(HERE, "batch-mbus.expected.jsonl"), "utf8").split("\n");
const MBUS = join(ROOT, "packages", "mbus", "test", "fixtures");

/** Names of the input lines, in the order the fixture was generated. */
const NAMES = ["valid", "invalid"].flatMap((d) =>
  readdirSync(join(MBUS, d))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({
      name: f.slice(0, -5),
      hex: (JSON.parse(readFileSync(join(MBUS, d, f), "utf8")) as { hex: string }).hex,
    })),
);

/** Invalid vectors with a sound header: rejected before, a telegram with one record error now. */
const DEGRADED = new Set([
  "premature_end_of_data1",
  "premature_end_of_data2",
  "premature_end_of_dif1",
  "premature_end_of_dif2",
  "premature_end_of_var_vif1",
  "premature_end_of_vif1",
  "too_long_var_vif",
  "too_many_dife",
  "too_many_vife",
]);

function batch(env: NodeJS.ProcessEnv) {
  const r = spawnSync(process.execPath, [BIN, "decode", "--batch"], {
    cwd: ROOT,
    input: INPUT,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function checkAgainstPinned(stdout: string): void {
  const got = stdout.split("\n");
  expect(got.length).toBe(EXPECTED.length);
  let same = 0;
  NAMES.forEach(({ name }, i) => {
    if (!DEGRADED.has(name)) {
      expect(got[i], name).toBe(EXPECTED[i]);
      same++;
      return;
    }
    const before = JSON.parse(EXPECTED[i]!) as { ok: boolean; error: { code: string; offset: number } };
    const now = JSON.parse(got[i]!) as { ok: boolean; recordErrors: { code: string; at: number }[] };
    expect(before.ok, name).toBe(false);
    expect(now.ok, name).toBe(true);
    expect(
      now.recordErrors.map((e) => [e.code, e.at]),
      name,
    ).toEqual([[before.error.code, before.error.offset]]);
  });
  expect(same).toBe(NAMES.length - DEGRADED.size);
  expect(got.at(-1)).toBe("");
}

describe("omdp decode --batch output, pinned", () => {
  let dist = "";
  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), "omdp-cli-bundle-"));
    const b = spawnSync(process.execPath, [join(ROOT, "packages", "cli", "scripts", "bundle.mjs"), dist], {
      encoding: "utf8",
    });
    if (b.status !== 0) throw new Error(b.stderr);
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it("the input is the corpus in the pinned order", () => {
    const lines = INPUT.trim().split("\n");
    expect(lines).toEqual(NAMES.map((n) => n.hex.split(/\s+/).join(" ")));
    expect(EXPECTED.length).toBe(lines.length + 1);
  });

  it("through tsx", () => {
    const r = batch({ OMDP_NO_BUNDLE: "1" });
    checkAgainstPinned(r.stdout);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("omdp decode: 17 of 65 telegrams did not decode\n");
  });

  it("from the fresh bundle", () => {
    const r = batch({ OMDP_BUNDLE_DIR: dist });
    checkAgainstPinned(r.stdout);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("omdp decode: 17 of 65 telegrams did not decode\n");
  });

  it("a bundle whose sources changed is not used: tsx runs instead", () => {
    const stale = mkdtempSync(join(tmpdir(), "omdp-cli-stale-"));
    try {
      // a stand-in bundle that would print something else, listed as built from a source of another size
      writeFileSync(
        join(stale, "decode.mjs"),
        'export async function run() { process.stdout.write("stale\\n"); return 0; }\n',
      );
      const inputs = JSON.parse(readFileSync(join(dist, "decode.inputs.json"), "utf8")) as {
        inputs: Record<string, [number, number]>;
      };
      const fresh = JSON.stringify(inputs);
      writeFileSync(join(stale, "decode.inputs.json"), fresh);
      expect(batch({ OMDP_BUNDLE_DIR: stale }).stdout).toBe("stale\n"); // listed sources unchanged: used
      const [first] = Object.keys(inputs.inputs);
      inputs.inputs[first!]![0] += 1;
      writeFileSync(join(stale, "decode.inputs.json"), JSON.stringify(inputs));
      checkAgainstPinned(batch({ OMDP_BUNDLE_DIR: stale }).stdout);
    } finally {
      rmSync(stale, { recursive: true, force: true });
    }
  });
});
