/**
 * Meter keys: loaded from a keys file or set at run time (module twin, `setKey`), held in memory only.
 * Nothing here ever prints a key; `redactKeys` scrubs any key that might appear in an error text.
 */
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { KeyHex } from "./config";

export interface MeterKeys {
  readonly key: Buffer;
  readonly authKey?: Buffer;
}

/** A meter's keys as a keys file holds them: `"HEX"` or `{ "key": "HEX", "authKey": "HEX" }`. */
export type MeterKeysHex = string | { readonly key: string; readonly authKey?: string };

const KeysFile = z.record(
  z.string(),
  z.union([KeyHex, z.object({ key: KeyHex, authKey: KeyHex.optional() })]),
);

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

  /** Adds every key of a parsed keys-file object; the error names the meter id, never the key. */
  load(content: unknown): number {
    const parsed = KeysFile.safeParse(content);
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join(".") ?? "";
      throw new Error(`keys file: invalid entry ${where ? `for ${where}` : ""} (expected 32 hex digits)`);
    }
    for (const [id, v] of Object.entries(parsed.data)) {
      this.set(id, v);
    }
    return Object.keys(parsed.data).length;
  }

  async loadFile(path: string): Promise<number> {
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (err) {
      throw new Error(`keys file ${path}: ${(err as NodeJS.ErrnoException).code ?? "unreadable"}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`keys file ${path}: not JSON`);
    }
    return this.load(json);
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
