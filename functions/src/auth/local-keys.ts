import fs from "node:fs";
import path from "node:path";
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JSONWebKeySet,
  type JWK,
  SignJWT,
} from "jose";
import type { Role } from "./principal";

/** The local issuer/audience defaults (settings AUTH_ISSUER / AUTH_AUDIENCE). */
export const LOCAL_ISSUER = "omdp-local";
export const LOCAL_AUDIENCE = "omdp-api";
const ALG = "ES256";

export interface LocalKey {
  readonly kid: string;
  readonly privateJwk: JWK;
  readonly jwks: JSONWebKeySet;
}

/**
 * The local host's signing key under `<dataDir>/jwt/` (git-ignored `.data/`), made at first start.
 * Written to a temp file and renamed, so that two processes starting at once agree on one key.
 */
export async function loadOrCreateLocalKey(dataDir: string): Promise<LocalKey> {
  const dir = path.join(dataDir, "jwt");
  const file = path.join(dir, "signing-key.json");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey } = await generateKeyPair(ALG, { extractable: true });
    const jwk = await exportJWK(privateKey);
    const kid = await calculateJwkThumbprint(jwk);
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ ...jwk, kid, alg: ALG }), { mode: 0o600 });
    try {
      fs.linkSync(tmp, file); // fails if another process won the race; then use its key
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    } finally {
      fs.unlinkSync(tmp);
    }
  }
  const privateJwk = JSON.parse(fs.readFileSync(file, "utf8")) as JWK;
  const { d: _d, ...publicJwk } = privateJwk;
  return { kid: privateJwk.kid!, privateJwk, jwks: { keys: [{ ...publicJwk, use: "sig" }] } };
}

export interface TokenRequest {
  readonly sub: string;
  readonly role: Role;
  readonly households?: readonly string[];
  /** jose time span, e.g. `1h`, `30m`, `2d`. */
  readonly ttl?: string;
  readonly issuer?: string;
  readonly audience?: string;
}

export async function signLocalToken(key: LocalKey, req: TokenRequest): Promise<string> {
  const claims: Record<string, unknown> = { roles: [req.role] };
  if (req.households && req.households.length > 0) claims.households = [...req.households];
  return new SignJWT(claims)
    .setProtectedHeader({ alg: ALG, kid: key.kid, typ: "JWT" })
    .setSubject(req.sub)
    .setIssuer(req.issuer ?? LOCAL_ISSUER)
    .setAudience(req.audience ?? LOCAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(req.ttl ?? "1h")
    .sign(await importJWK(key.privateJwk, ALG));
}
