import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const out = mkdtempSync(join(tmpdir(), "omdp-certs-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("X.509 test certificates (provisioning/make-test-certs.sh)", () => {
  it("makes a chain that openssl verifies, with the registration id as the device CN", () => {
    execFileSync("bash", [join(root, "provisioning/make-test-certs.sh"), out, "edge-hh-1"], {
      stdio: "pipe",
    });
    const verify = execFileSync("openssl", [
      "verify",
      "-CAfile",
      join(out, "root.cert.pem"),
      "-untrusted",
      join(out, "intermediate.cert.pem"),
      join(out, "edge-hh-1.cert.pem"),
    ]).toString();
    expect(verify.trim()).toBe(`${join(out, "edge-hh-1.cert.pem")}: OK`);
    const subject = execFileSync("openssl", [
      "x509",
      "-noout",
      "-subject",
      "-in",
      join(out, "edge-hh-1.cert.pem"),
    ]).toString();
    expect(subject).toMatch(/CN ?= ?edge-hh-1/);
    expect(statSync(join(out, "edge-hh-1.key.pem")).mode & 0o077).toBe(0);
  });

  it("rejects a registration id DPS would not accept", () => {
    expect(() =>
      execFileSync("bash", [join(root, "provisioning/make-test-certs.sh"), out, "bad id"], { stdio: "pipe" }),
    ).toThrow();
  });
});

describe("IoT Edge config.toml template and enrollment twin", () => {
  it("provisions through DPS with the id scope placeholder and both attestation methods documented", () => {
    const toml = readFileSync(join(root, "provisioning/config.toml.template"), "utf8");
    expect(toml).toMatch(/^source = "dps"$/m);
    expect(toml).toMatch(/^id_scope = "\$\{DPS_ID_SCOPE\}"$/m);
    expect(toml).toMatch(/^method = "symmetric_key"$/m);
    expect(toml).toMatch(/^# method = "x509"$/m);
  });

  it("tags the enrollment's devices for the layered deployment", () => {
    const group = JSON.parse(readFileSync(join(root, "provisioning/enrollment-group.json"), "utf8"));
    expect(group.initialTwin.tags.omdp.role).toBe("gateway");
    expect(group.capabilities.iotEdge).toBe(true);
  });
});
