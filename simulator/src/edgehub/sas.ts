import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * IoT Hub shared access signatures: `SharedAccessSignature sr={uri}&sig={sig}&se={expiry}[&skn=...]`,
 * sig = base64(HMAC-SHA256(base64-decoded key, urlencoded(uri) + "\n" + expiry)), uri URL-encoded
 * (IoT Hub "Security tokens", SharedAccessSignature.create in azure-iot-common).
 */
export type SasFailure = "malformed" | "resource" | "expired" | "signature";

export class SasError extends Error {
  override readonly name = "SasError";
  constructor(
    readonly reason: SasFailure,
    message: string,
    readonly evidence: { readonly field?: string; readonly expected?: string; readonly got?: string } = {},
  ) {
    super(message);
  }
}

export interface ParsedSas {
  readonly sr: string;
  readonly sig: string;
  readonly se: number;
  readonly skn?: string;
}

const PREFIX = "SharedAccessSignature ";

/** Strict URI encoding as the SDK does it (RFC 3986: also !'()* encoded). */
export function encodeUriStrict(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Generates a fresh 256-bit key, base64 (what IoT Hub gives an identity). */
export function generateKey(): string {
  return randomBytes(32).toString("base64");
}

function sign(key: string, encodedUri: string, se: number): string {
  return createHmac("sha256", Buffer.from(key, "base64")).update(`${encodedUri}\n${se}`).digest("base64");
}

/** Creates a token for `resourceUri` (not yet encoded), valid until `expiry` (seconds since epoch). */
export function createSasToken(resourceUri: string, key: string, expiry: number): string {
  const sr = encodeUriStrict(resourceUri);
  return `${PREFIX}sr=${sr}&sig=${encodeUriStrict(sign(key, sr, expiry))}&se=${expiry}`;
}

export type SasCheck =
  | { readonly ok: true; readonly token: ParsedSas }
  | { readonly ok: false; readonly error: SasError };

/** Percent-decodes a token field; `undefined` when the encoding is invalid (never throws). */
function decodeField(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** A field whose percent-encoding does not decode (the value itself is not echoed: it may be a secret). */
function badEncoding(field: string): SasCheck {
  return {
    ok: false,
    error: new SasError("malformed", `token field '${field}' is not valid percent-encoding`, { field }),
  };
}

/** Reads a token's fields; a missing or malformed field is reported, never thrown. */
export function readSasToken(token: string): SasCheck {
  if (!token.startsWith(PREFIX))
    return { ok: false, error: new SasError("malformed", "token does not start with SharedAccessSignature") };
  const fields: Record<string, string> = {};
  for (const part of token.slice(PREFIX.length).split("&")) {
    const at = part.indexOf("=");
    if (at > 0) fields[part.slice(0, at)] = part.slice(at + 1);
  }
  for (const f of ["sr", "sig", "se"])
    if (!fields[f])
      return {
        ok: false,
        error: new SasError("malformed", `token field '${f}' missing`, { field: f, expected: f }),
      };
  const se = Number(fields.se);
  if (!Number.isInteger(se))
    return {
      ok: false,
      error: new SasError("malformed", "token field 'se' is not an integer", { field: "se" }),
    };
  if (decodeField(fields.sr!) === undefined) return badEncoding("sr");
  const sig = decodeField(fields.sig!);
  if (sig === undefined) return badEncoding("sig");
  return {
    ok: true,
    token: {
      sr: fields.sr!,
      sig,
      se,
      ...(fields.skn ? { skn: fields.skn } : {}),
    },
  };
}

/**
 * Checks a token for the resource `expectedUri` (e.g. `{host}/devices/{d}/modules/{m}`) with `key`:
 * resource compared case-insensitively after decoding (as IoT Hub does), expiry against `nowSec`,
 * signature in constant time.
 */
export function checkSasToken(token: string, expectedUri: string, key: string, nowSec: number): SasCheck {
  const read = readSasToken(token);
  if (!read.ok) return read;
  const parsed = read.token;
  // `sr` was checked to decode in readSasToken.
  const resource = (decodeField(parsed.sr) ?? "").toLowerCase();
  if (resource !== expectedUri.toLowerCase())
    return {
      ok: false,
      error: new SasError("resource", "token is for another resource", {
        expected: expectedUri,
        got: resource,
      }),
    };
  if (parsed.se <= nowSec)
    return {
      ok: false,
      error: new SasError("expired", `token expired at ${parsed.se}`, {
        expected: `> ${nowSec}`,
        got: String(parsed.se),
      }),
    };
  const expected = Buffer.from(sign(key, parsed.sr, parsed.se), "base64");
  const got = Buffer.from(parsed.sig, "base64");
  if (expected.length !== got.length || !timingSafeEqual(expected, got))
    return { ok: false, error: new SasError("signature", "token signature does not match") };
  return read;
}

/** Like `checkSasToken`, but throws the `SasError`. */
export function verifySasToken(token: string, expectedUri: string, key: string, nowSec: number): ParsedSas {
  const r = checkSasToken(token, expectedUri, key, nowSec);
  if (!r.ok) throw r.error;
  return r.token;
}
