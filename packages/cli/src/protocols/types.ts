/** What a protocol entry of `omdp decode` takes and gives (see index.ts). */
import type { KeyTable } from "./keys-file";

export interface ProtocolOptions {
  readonly key?: Uint8Array;
  readonly authKey?: Uint8Array;
  readonly timeZone?: string;
  readonly meterId?: string;
  /** `--keys FILE` (wireless M-Bus, Smarty P1): meter id to keys (keys-file.ts). */
  readonly keys?: KeyTable;
}

/** A typed error as `omdp decode` prints it; evidence (expected, actual, field) where the decoder gives it. */
export interface ErrorInfo {
  readonly code: string;
  readonly message: string;
  readonly offset?: number;
  readonly expected?: number | string;
  readonly actual?: number | string;
  readonly field?: string;
}

export type DocOutcome = { ok: true; doc: Record<string, unknown> } | { ok: false; error: ErrorInfo };

export interface ProtocolEntry {
  /** The `--protocol` value and the answer's `protocol`. */
  readonly name: string;
  /** Whether the bytes have this protocol's structure (auto-detection; must not run the decoder). */
  readonly claims: (bytes: Uint8Array, options: ProtocolOptions) => boolean;
  /** Whether text pasted on stdin (not hex) is a telegram of this protocol. */
  readonly claimsText?: (text: string) => boolean;
  /** Pasted text to the telegram's bytes. */
  readonly textBytes?: (text: string) => Uint8Array;
  readonly decode: (bytes: Uint8Array, options: ProtocolOptions) => DocOutcome;
}
