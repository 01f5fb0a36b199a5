import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
  jwtVerify,
} from "jose";
import { type Principal, principalFromClaims } from "./principal";

/** Why a token was refused (the 401 detail; never includes the token itself). */
export class AuthError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "AuthError";
  }
}

export interface Authenticator {
  verify(token: string): Promise<Principal>;
}

export interface AuthOptions {
  readonly issuer: string;
  readonly audience: string;
  /** A remote JWKS URL (Entra ID) or a local key set (the local host's signing key). */
  readonly jwks: { uri: string } | { keys: JSONWebKeySet };
  /** Clock tolerance in seconds (default 60). */
  readonly clockTolerance?: number;
}

/** Verifies signature (JWKS), issuer, audience, expiry and not-before with jose. */
export function createAuthenticator(opts: AuthOptions): Authenticator {
  const keys: JWTVerifyGetKey =
    "uri" in opts.jwks ? createRemoteJWKSet(new URL(opts.jwks.uri)) : createLocalJWKSet(opts.jwks.keys);
  return {
    async verify(token: string): Promise<Principal> {
      try {
        const { payload } = await jwtVerify(token, keys, {
          issuer: opts.issuer,
          audience: opts.audience,
          clockTolerance: opts.clockTolerance ?? 60,
          requiredClaims: ["exp", "sub"],
        });
        return principalFromClaims(payload as Record<string, unknown>);
      } catch (err) {
        if (err instanceof errors.JWTExpired) throw new AuthError("token expired");
        if (err instanceof errors.JWTClaimValidationFailed)
          throw new AuthError(`claim '${err.claim}' invalid`);
        if (err instanceof errors.JOSEError) throw new AuthError(`token rejected (${err.code})`);
        throw new AuthError("token rejected");
      }
    },
  };
}

/** The bearer token of an Authorization header, or undefined. */
export function bearerToken(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return m?.[1];
}
