/**
 * `omdp decode --keys FILE` for wireless M-Bus: a JSON object from the meter id (the 8-digit id as the
 * telegram's address prints it) to the key hex, or the reader's keys file form (`{ id: { key } }`).
 * Errors name the file and at most a meter id, never a key.
 */
import { readFileSync } from "node:fs";

export type KeyTable = ReadonlyMap<string, Uint8Array>;

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
  const out = new Map<string, Uint8Array>();
  for (const [id, entry] of Object.entries(json as Record<string, unknown>)) {
    const hex = typeof entry === "string" ? entry : (entry as { key?: unknown } | null)?.key;
    if (typeof hex !== "string" || !HEX32.test(hex)) {
      return new Error(`--keys ${path}: the entry of meter ${id} is not a 32-hex-digit key`);
    }
    out.set(id.toLowerCase(), Uint8Array.from(Buffer.from(hex, "hex")));
  }
  return out;
}
