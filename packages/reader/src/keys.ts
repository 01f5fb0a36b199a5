/**
 * Meter keys: loaded from a keys file or set at run time (module twin, `setKey`), held in memory only.
 * Nothing here ever prints a key; `redactKeys` scrubs any key that might appear in an error text.
 */
import { KeyHex } from "./config";
import { parseKeysFile, readKeysFile } from "./keysFile";

export interface MeterKeys {
  readonly key: Buffer;
  readonly authKey?: Buffer;
}

/** A meter's keys as a keys file holds them: `"HEX"` or `{ "key": "HEX", "authKey": "HEX" }`. */
export type MeterKeysHex = string | { readonly key: string; readonly authKey?: string };

export class KeyStore {
  private readonly keys = new Map<string, MeterKeys>();

  /**
   * Sets a meter's key and, for authenticated pushes (security control 0x30), its authentication key;
   * `keys` is either the key hex or a keys-file entry `{ key, authKey }`.
   */
  set(meterId: string, keys: MeterKeysHex, authKeyHex?: string): void {
    const keyHex = typeof keys === "string" ? keys : keys.key;
    const akHex = typeof keys === "string" ? authKeyHex : (keys.authKey ?? authKeyHex);
    const key = Buffer.from(KeyHex.parse(keyHex), "hex");
    const authKey = akHex ? Buffer.from(KeyHex.parse(akHex), "hex") : undefined;
    this.keys.set(meterId, authKey ? { key, authKey } : { key });
  }

  get(meterId: string): MeterKeys | undefined {
    return this.keys.get(meterId);
  }

  has(meterId: string): boolean {
    return this.keys.has(meterId);
  }

  /** Meter ids with a key (never the keys). */
  ids(): string[] {
    return [...this.keys.keys()];
  }

  /** Adds every key of a parsed keys-file object; the error (KeysFileError) names the meter id, never the key. */
  load(content: unknown): number {
    const entries = parseKeysFile(content);
    for (const [id, v] of Object.entries(entries)) this.set(id, v);
    return Object.keys(entries).length;
  }

  /** Loads a keys file (format and errors: keysFile.ts). */
  async loadFile(path: string): Promise<number> {
    const entries = await readKeysFile(path);
    for (const [id, v] of Object.entries(entries)) this.set(id, v);
    return Object.keys(entries).length;
  }

  /** Replaces every known key (hex, any case) in a text with [redacted]. */
  redact(text: string): string {
    let out = text;
    for (const k of this.keys.values())
      for (const b of [k.key, k.authKey])
        if (b) out = out.replace(new RegExp(b.toString("hex"), "gi"), "[redacted]");
    return out;
  }

  /** JSON.stringify never shows keys. */
  toJSON(): Record<string, string> {
    return Object.fromEntries(this.ids().map((id) => [id, "[redacted]"]));
  }
}
