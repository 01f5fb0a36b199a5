import { execFileSync, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const bin = join(dirname(fileURLToPath(import.meta.url)), "../../cli/bin/omdp.js");

describe("omdp dps derive-key", () => {
  it("prints the derived key of the documented vector", () => {
    const out = execFileSync(process.execPath, [
      bin,
      "dps",
      "derive-key",
      "--group-key",
      "8isrFI1sGsIlvvFSSFRiMfCNzv21fjbE/+ah/lSh3lF8e2YG1Te7w1KpZhJFFXJrqYKi9yegxkqIChbqOS9Egw==",
      "--registration-id",
      "sn-007-888-abc-mac-a1-b2-c3-d4-e5-f6",
    ]).toString();
    expect(out.trim()).toBe("Jsm0lyGpjaVYVP2g3FnmnmG9dI/9qU24wNoykUmermc=");
  });

  it("exits 1 with a one-line message naming the missing option", () => {
    const res = spawnSync(process.execPath, [bin, "dps", "derive-key", "--group-key", "AAAA"]);
    expect(res.status).toBe(1);
    expect(res.stderr.toString()).toBe("omdp dps: --registration-id is required\n");
  });
});
