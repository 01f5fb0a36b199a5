/**
 * The keys file, in one place: its format (`{ meterId: "HEX" | { key, authKey } }`), reading it and
 * adding a key to it. A file that cannot be read or parsed is never overwritten (it is the only copy of
 * every other meter's key); a write goes to a temp file in the same folder, is fsynced and renamed over
 * the file, after the previous version was kept as `<file>.bak`. Both files are mode 0600. No error
 * text ever holds a key: errors name the file, the problem and at most a meter id.
 */
import { randomBytes } from "node:crypto";
import { access, chmod, copyFile, open, readFile, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { z } from "zod";
import { KeyHex } from "./config";

/** A meter's entry: the key alone, or with the authentication key (security control 0x30). */
export const KeysFileEntry = z.union([KeyHex, z.object({ key: KeyHex, authKey: KeyHex.optional() })]);
export type KeysFileEntry = z.infer<typeof KeysFileEntry>;
export const KeysFileContent = z.record(z.string(), KeysFileEntry);
export type KeysFileContent = z.infer<typeof KeysFileContent>;

export type KeysFileProblem = "UNREADABLE" | "NOT_JSON" | "INVALID_ENTRY" | "WRITE_FAILED";

/** A keys file that could not be read, parsed or written; carries the path and the problem, never a key. */
export class KeysFileError extends Error {
  override readonly name = "KeysFileError";
  constructor(
    readonly problem: KeysFileProblem,
    readonly path: string,
    readonly detail: string,
  ) {
    super(`keys file ${path}: ${detail}`);
  }

  toJSON(): Record<string, unknown> {
    return { problem: this.problem, path: this.path, message: this.message };
  }
}

export const KEYS_FILE_MODE = 0o600;

/** Validates parsed JSON as a keys file; the error names the first bad meter id, never the key. */
export function parseKeysFile(json: unknown, path = "(keys)"): KeysFileContent {
  const parsed = KeysFileContent.safeParse(json);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues[0]?.path.join(".") ?? "";
  throw new KeysFileError(
    "INVALID_ENTRY",
    path,
    `invalid entry ${where ? `for ${where} ` : ""}(expected 32 hex digits)`,
  );
}

/** Reads and validates a keys file; `missing: "empty"` treats a file that does not exist as `{}`. */
export async function readKeysFile(
  path: string,
  opts: { missing?: "error" | "empty" } = {},
): Promise<KeysFileContent> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && opts.missing === "empty") return {};
    throw new KeysFileError("UNREADABLE", path, code ?? "unreadable");
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KeysFileError("NOT_JSON", path, `not JSON (${text.length} bytes)`);
  }
  return parseKeysFile(json, path);
}

/**
 * Adds (or replaces) one meter's entry and keeps every other. Refuses, leaving the file as it is, when
 * the current file cannot be read or parsed. A file that does not exist yet is created.
 */
export async function addKeyToFile(path: string, meterId: string, entry: KeysFileEntry): Promise<void> {
  const current = await readKeysFile(path, { missing: "empty" });
  const next: KeysFileContent = { ...current, [meterId]: KeysFileEntry.parse(entry) };
  try {
    if (await exists(path)) await keepBackup(path);
    await writeAtomically(path, `${JSON.stringify(next, null, 2)}\n`);
  } catch (err) {
    if (err instanceof KeysFileError) throw err;
    throw new KeysFileError("WRITE_FAILED", path, (err as NodeJS.ErrnoException).code ?? "write failed");
  }
}

/** The previous version, as `<file>.bak` (itself replaced atomically). */
export function backupPath(path: string): string {
  return `${path}.bak`;
}

async function keepBackup(path: string): Promise<void> {
  const tmp = tempPath(backupPath(path));
  try {
    await copyFile(path, tmp);
    await chmod(tmp, KEYS_FILE_MODE);
    await fsyncPath(tmp);
    await rename(tmp, backupPath(path));
  } finally {
    await rm(tmp, { force: true });
  }
}

/** Temp file in the same folder (so rename is atomic), fsync, rename, fsync the folder. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = tempPath(path);
  try {
    const fh = await open(tmp, "wx", KEYS_FILE_MODE);
    try {
      await fh.writeFile(text, "utf8");
      await fh.chmod(KEYS_FILE_MODE);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
    await fsyncPath(dirname(path));
  } finally {
    await rm(tmp, { force: true });
  }
}

function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

/** fsync of a file or a folder (a folder's entry of a renamed file is durable only after it). */
async function fsyncPath(path: string): Promise<void> {
  const fh = await open(path, "r");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
