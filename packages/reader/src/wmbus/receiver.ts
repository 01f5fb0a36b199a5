/**
 * A wireless M-Bus receiver in front of the reader: the USB stick or SDR tool that hands over one
 * wM-Bus frame at a time in its own serial framing. Each framing is a small, pure adapter (one file
 * each: im871a.ts, amber.ts, rtlWmbus.ts): chunks in, frames (L-field first, CRCs removed) or typed
 * errors with evidence out. RSSI and link mode are kept as diagnostics.
 */
export type ReceiverKind = "im871a" | "amb8465" | "rtlwmbus";

export interface ReceivedFrame {
  readonly type: "frame";
  /** The wM-Bus frame, L-field first, without the EN 13757-4 block CRCs. */
  readonly frame: Uint8Array;
  /** Signal strength the receiver reported, dBm (absent when the receiver sends none). */
  readonly rssiDbm?: number;
  /** Link mode the receiver names (rtl_wmbus per frame; the sticks' configured mode otherwise). */
  readonly linkMode?: string;
}

export type ReceiverErrorCode =
  | "CRC_MISMATCH"
  | "CHECKSUM_MISMATCH"
  | "RECEIVER_CRC"
  | "BAD_LINE"
  | "TOO_LONG"
  /** A message cut short (its length says more follows, but a complete, checked message starts inside it). */
  | "TRUNCATED";

export interface ReceiverRefusal {
  readonly type: "error";
  readonly code: ReceiverErrorCode;
  readonly reason: string;
  /** Offset of the refused message in the receiver's byte stream (bytes since start or reset). */
  readonly offset: number;
  readonly expected?: number | string;
  readonly actual?: number | string;
}

/** A message of the receiver that is no received frame (command answers, other endpoints). */
export interface ReceiverOther {
  readonly type: "other";
  readonly what: string;
}

export type ReceiverEvent = ReceivedFrame | ReceiverRefusal | ReceiverOther;

export interface ReceiverFraming {
  push(chunk: Uint8Array): ReceiverEvent[];
  /** A link loss: a partial message is dropped. */
  reset(): void;
  /** Bytes skipped while looking for the start of a message. */
  readonly bytesSkipped: number;
}

/** The longest wM-Bus frame (L = 255) plus any receiver framing: more without an end is garbage. */
export const MAX_MESSAGE = 512;

export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
