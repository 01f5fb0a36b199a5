import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "selfsigned";

export interface HubCertificate {
  readonly cert: string;
  readonly key: string;
  /** Path of the PEM the modules trust (`EdgeModuleCACertificateFile`). */
  readonly caFile: string;
}

const VALID_DAYS = 30;

/**
 * The gateway's TLS certificate: self-signed (so it is its own CA) for `localhost` and `127.0.0.1`,
 * made at start and saved as `ca.pem` (+ `key.pem`, mode 0600) under the data dir for the modules.
 * A certificate still valid for a day is reused, so running modules keep trusting the hub.
 */
export async function ensureCertificate(dir: string, nowMs = Date.now()): Promise<HubCertificate> {
  mkdirSync(dir, { recursive: true });
  const caFile = join(dir, "ca.pem");
  const keyFile = join(dir, "key.pem");
  const metaFile = join(dir, "cert.json");
  if (existsSync(caFile) && existsSync(keyFile) && existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, "utf8")) as { notAfter: string };
    if (Date.parse(meta.notAfter) - nowMs > 24 * 3600 * 1000)
      return { cert: readFileSync(caFile, "utf8"), key: readFileSync(keyFile, "utf8"), caFile };
  }
  const notAfter = new Date(nowMs + VALID_DAYS * 24 * 3600 * 1000);
  const pems = await generate([{ name: "commonName", value: "omdp-local-edge-hub" }], {
    keyType: "ec",
    curve: "P-256",
    algorithm: "sha256",
    notBeforeDate: new Date(nowMs - 60_000),
    notAfterDate: notAfter,
    extensions: [
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", digitalSignature: true, keyCertSign: true, keyEncipherment: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
        ],
      },
    ],
  });
  writeFileSync(keyFile, pems.private, { mode: 0o600 });
  writeFileSync(caFile, pems.cert);
  writeFileSync(metaFile, JSON.stringify({ notAfter: notAfter.toISOString() }));
  return { cert: pems.cert, key: pems.private, caFile };
}
