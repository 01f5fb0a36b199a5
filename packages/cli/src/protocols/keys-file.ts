/**
 * `omdp decode --keys FILE`: one keys file for every protocol that needs a per-meter key, in the reader's
 * keys file form (packages/reader/src/keysFile.ts): a JSON object from the meter id to the key hex, or to
 * `{ key, authKey? }`. Meter ids are matched without regard to case: the wireless M-Bus id (8 digits as
 * the telegram's address prints it), the Smarty P1 meter as the reader names it (its system title's FLAG
 * letters and serial hex, or the title hex: see smartyKeys in dsmr.ts). Errors name the file and at most
 * a meter id, never a key.
 */
import { readFileSync } from "node:fs";

export interface MeterKeys {
  readonly key: Uint8Array;
  /** Authentication key (Smarty: enters the GCM AAD). */
  readonly authKey?: Uint8Array;
}

/** Meter id (lower case) to its keys, and the file they came from (for messages). */
export interface KeyTable {
  readonly path: string;
  readonly byId: ReadonlyMap<string, MeterKeys>;
}

const HEX32 = /^[0-9a-fA-F]{32}$/;

export function loadKeys(path: string): KeyTable | Error {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return new Error(`--keys ${path}: cannot be read`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return new Error(`--keys ${path}: not JSON`);
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    return new Error(`--keys ${path}: must be an object from meter id to key`);
  }
  const byId = new Map<string, MeterKeys>();
  for (const [id, entry] of Object.entries(json as Record<string, unknown>)) {
    const keys = entryKeys(entry);
    if (keys === undefined) {
      return new Error(
        `--keys ${path}: the entry of meter ${id} is not a 32-hex-digit key or { key, authKey }`,
      );
    }
    byId.set(id.toLowerCase(), keys);
  }
  return { path, byId };
}

/** `"HEX"` or `{ key: "HEX", authKey?: "HEX" }`; undefined for anything else. */
function entryKeys(entry: unknown): MeterKeys | undefined {
  if (typeof entry === "string") return HEX32.test(entry) ? { key: bytes(entry) } : undefined;
  if (entry === null || typeof entry !== "object") return undefined;
  const { key, authKey } = entry as { key?: unknown; authKey?: unknown };
  if (typeof key !== "string" || !HEX32.test(key)) return undefined;
  if (authKey === undefined) return { key: bytes(key) };
  if (typeof authKey !== "string" || !HEX32.test(authKey)) return undefined;
  return { key: bytes(key), authKey: bytes(authKey) };
}

function bytes(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex, "hex"));
}

/** The keys of the first of `ids` the table names. */
export function keysOf(table: KeyTable, ids: readonly string[]): MeterKeys | undefined {
  for (const id of ids) {
    const k = table.byId.get(id.toLowerCase());
    if (k !== undefined) return k;
  }
  return undefined;
}
