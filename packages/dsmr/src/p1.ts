/** One entry for what arrives on a P1 port: a plain telegram, or a Smarty frame (0xDB) when keys are given. */
import { DsmrError } from "./errors";
import { decryptSmarty, isSmartyFrame, type SmartyKeys } from "./smarty";
import { type DecodeOptions, type DsmrTelegram, decodeTelegram } from "./telegram";

export interface P1Options extends DecodeOptions {
  readonly keys?: SmartyKeys;
}

export function decodeP1(bytes: Uint8Array, options: P1Options = {}): DsmrTelegram & { encrypted: boolean } {
  if (!isSmartyFrame(bytes)) return Object.assign(decodeTelegram(bytes, options), { encrypted: false });
  if (options.keys === undefined) {
    throw new DsmrError("KEY_REQUIRED", "encrypted Smarty frame (0xDB) and no key configured", {
      offset: 0,
      field: "key",
    });
  }
  return Object.assign(decodeTelegram(decryptSmarty(bytes, options.keys), options), { encrypted: true });
}

export type P1Result =
  | { readonly ok: true; readonly value: DsmrTelegram & { encrypted: boolean } }
  | { readonly ok: false; readonly error: DsmrError };

/** decodeP1 as a result, for callers that branch on failure (the reader counts codes, never catches). */
export function tryDecodeP1(bytes: Uint8Array, options: P1Options = {}): P1Result {
  try {
    return { ok: true, value: decodeP1(bytes, options) };
  } catch (e) {
    if (e instanceof DsmrError) return { ok: false, error: e };
    throw e;
  }
}
