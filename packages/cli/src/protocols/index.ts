/**
 * The meter protocols `omdp decode` reads besides M-Bus and DLMS (which decode.ts reads itself, as
 * before): one entry each, tried in this order. An entry *claims* bytes by their structure alone (a
 * start byte, a frame layout, never by running its decoder and catching a failure); the first entry that
 * claims the bytes decodes them. Bytes no entry claims go to the M-Bus/DLMS rules of decode.ts unchanged.
 * The claims are disjoint from what M-Bus (68, 10, E5) and DLMS (7E, APDU tags) start with, so a
 * telegram that decoded before decodes the same way now.
 * A new protocol (SML, D0) plugs in by adding its entry to PROTOCOL_ENTRIES and its name to the help.
 */
import { d0Entry } from "./d0";
import { dsmrEntry } from "./dsmr";
import { smlEntry } from "./sml";
import type { ProtocolEntry } from "./types";
import { wmbusEntry } from "./wmbus";

export type { DocOutcome, ErrorInfo, ProtocolEntry, ProtocolOptions } from "./types";

/** D0 before DSMR: both start with `/`, and D0 claims only what P1 never is (d0.ts). */
/** wM-Bus first: its L-field may be 0x2F, the `/` DSMR and D0 start with (wmbus.ts claims strictly). */
export const PROTOCOL_ENTRIES: readonly ProtocolEntry[] = [wmbusEntry, smlEntry, d0Entry, dsmrEntry];

/**
 * Values of `--protocol`: auto, the two decode.ts reads itself, and every entry in the order they were
 * added (the help and the refusal message list them so: `auto|mbus|dlms|dsmr|sml|d0`).
 */
export const PROTOCOL_NAMES: readonly string[] = [
  "auto",
  "mbus",
  "dlms",
  ...[dsmrEntry, smlEntry, d0Entry, wmbusEntry].map((e) => e.name),
];

/** The entry `--protocol NAME` forces, or (auto) the first entry that claims the bytes. */
export function protocolFor(
  name: string,
  bytes: Uint8Array,
  options: Parameters<ProtocolEntry["claims"]>[1],
): ProtocolEntry | undefined {
  if (name !== "auto") return PROTOCOL_ENTRIES.find((e) => e.name === name);
  return PROTOCOL_ENTRIES.find((e) => e.claims(bytes, options));
}

/** Single-telegram mode: the entry that reads text as pasted (e.g. a P1 telegram starting with '/'). */
export function textProtocolFor(name: string, text: string): ProtocolEntry | undefined {
  return PROTOCOL_ENTRIES.find((e) => (name === "auto" || name === e.name) && e.claimsText?.(text));
}
