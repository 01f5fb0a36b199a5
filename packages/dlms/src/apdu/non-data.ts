import { DlmsError } from "../errors";
import { toHex } from "../hex";
import type { ApduTagInfo } from "./tags";

/**
 * APDUs that carry no meter data: association (AARQ/AARE/RLRQ/RLRE, initiate), exception-response,
 * confirmed-service-error, requests and set/action responses. They are recognised by their tag and
 * reported with what they say, never read as data (Green Book 9.4 ACSE, 9.5 xDLMS).
 */
export type NonDataApdu =
  | { readonly kind: "exception-response"; readonly stateError: string; readonly serviceError: string }
  | {
      readonly kind: "AARE";
      readonly result: string;
      readonly applicationContext?: string;
      readonly diagnostic?: number;
      readonly respondingApTitle?: string;
    }
  | { readonly kind: "AARQ"; readonly applicationContext?: string; readonly callingApTitle?: string }
  | { readonly kind: "other"; readonly name: string; readonly category: string };

/** ExceptionResponse (Green Book 9.5): state-error ENUMERATED, service-error CHOICE. */
export const EXCEPTION_STATE_ERRORS: Readonly<Record<number, string>> = {
  1: "service-not-allowed",
  2: "service-unknown",
};
export const EXCEPTION_SERVICE_ERRORS: Readonly<Record<number, string>> = {
  1: "operation-not-possible",
  2: "service-not-supported",
  3: "other-reason",
  4: "pdu-too-long",
  5: "deciphering-error",
  6: "invocation-counter-error",
};
/** Association-result (ACSE, ISO 8650 / Green Book 9.4). */
export const ASSOCIATION_RESULTS: Readonly<Record<number, string>> = {
  0: "accepted",
  1: "rejected-permanent",
  2: "rejected-transient",
};
/** Last arc of the application-context-name 2.16.756.5.8.1.x (Green Book 9.4.2.2.2). */
export const APPLICATION_CONTEXTS: Readonly<Record<number, string>> = {
  1: "logical-name",
  2: "short-name",
  3: "logical-name-with-ciphering",
  4: "short-name-with-ciphering",
};

const name = (table: Readonly<Record<number, string>>, n: number | undefined): string =>
  n === undefined ? "missing" : (table[n] ?? `unknown ${n}`);

/** Reads what a non-data APDU says; never throws (a cut-off field reads as missing). */
export function describeNonData(bytes: Uint8Array, info: ApduTagInfo): NonDataApdu {
  if (info.name === "exception-response") {
    let serviceError = name(EXCEPTION_SERVICE_ERRORS, bytes[2]);
    if (bytes[2] === 6 && bytes.length >= 7) {
      const counter = ((bytes[3]! << 24) | (bytes[4]! << 16) | (bytes[5]! << 8) | bytes[6]!) >>> 0;
      serviceError += ` ${counter}`;
    }
    return { kind: "exception-response", stateError: name(EXCEPTION_STATE_ERRORS, bytes[1]), serviceError };
  }
  if (info.name === "AARE" || info.name === "AARQ") {
    const fields = berFields(bytes);
    const context = fields.get(0xa1);
    const applicationContext =
      context && context.length >= 9 ? name(APPLICATION_CONTEXTS, context[context.length - 1]) : undefined;
    const ctx = applicationContext ? { applicationContext } : {};
    if (info.name === "AARQ") {
      const calling = fields.get(0xa6);
      return { kind: "AARQ", ...ctx, ...(calling ? { callingApTitle: toHex(calling.subarray(2)) } : {}) };
    }
    const result = fields.get(0xa2);
    const diag = fields.get(0xa3);
    const responding = fields.get(0xa4);
    return {
      kind: "AARE",
      result: name(ASSOCIATION_RESULTS, result?.[2]),
      ...ctx,
      ...(diag && diag.length >= 5 ? { diagnostic: diag[4]! } : {}),
      ...(responding ? { respondingApTitle: toHex(responding.subarray(2)) } : {}),
    };
  }
  return { kind: "other", name: info.name, category: info.category };
}

/** Top-level BER TLVs inside the AARQ/AARE (one-byte tags, short or 0x81/0x82 lengths), bounded. */
function berFields(bytes: Uint8Array): Map<number, Uint8Array> {
  const out = new Map<number, Uint8Array>();
  const outer = berLength(bytes, 1);
  if (!outer) return out;
  const end = Math.min(bytes.length, outer.next + outer.length);
  let p = outer.next;
  while (p + 2 <= end) {
    const tag = bytes[p]!;
    const l = berLength(bytes, p + 1);
    if (!l || l.next + l.length > end) break;
    out.set(tag, bytes.subarray(l.next, l.next + l.length));
    p = l.next + l.length;
  }
  return out;
}

function berLength(bytes: Uint8Array, p: number): { length: number; next: number } | undefined {
  const first = bytes[p];
  if (first === undefined) return undefined;
  if (first < 0x80) return { length: first, next: p + 1 };
  if (first === 0x81 && p + 1 < bytes.length) return { length: bytes[p + 1]!, next: p + 2 };
  if (first === 0x82 && p + 2 < bytes.length)
    return { length: (bytes[p + 1]! << 8) | bytes[p + 2]!, next: p + 3 };
  return undefined;
}

/** The typed error a data decoder returns for a non-data APDU: what it is and what it says. */
export function notDataError(bytes: Uint8Array, info: ApduTagInfo): DlmsError {
  const d = describeNonData(bytes, info);
  const says =
    d.kind === "exception-response"
      ? `state-error ${d.stateError}, service-error ${d.serviceError}`
      : d.kind === "AARE"
        ? `association ${d.result}${d.applicationContext ? `, ${d.applicationContext}` : ""}${d.diagnostic !== undefined ? `, diagnostic ${d.diagnostic}` : ""}`
        : d.kind === "AARQ"
          ? `association request${d.applicationContext ? `, ${d.applicationContext}` : ""}`
          : `${d.category} APDU`;
  return new DlmsError("APDU_NOT_DATA", "apdu", `${info.name}: ${says}; it carries no meter data`, {
    offset: 0,
    field: "apdu tag",
    expected: "data-notification, event-notification or get-response",
    actual: info.name,
  });
}
