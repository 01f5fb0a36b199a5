/**
 * Backup and restore of a data dir (`omdp backup` / `omdp restore`): every SQLite store copied with
 * SQLite's online backup API (better-sqlite3 `db.backup()`, consistent while the platform writes), every
 * other file (keys.json, tokens.json, the CA and identities, the simulator's state) as it is, and the
 * platform's settings file, in one archive encrypted with a passphrase.
 *
 * Archive layout (all integers big-endian):
 *   "OMDPBAK1" (8 bytes) | header length u32 | header JSON (kdf parameters, salt, iv: not secret)
 *   | AES-256-GCM ciphertext | GCM tag (16 bytes)
 * The key is scrypt(passphrase, salt, N=2^15, r=8, p=1, 32 bytes) (RFC 7914); the header is the GCM
 * additional data, so a changed header fails authentication like a wrong passphrase would.
 * The plaintext is gzip of: manifest length u32 | manifest JSON | the files' bytes, in manifest order.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync } from "node:crypto";
import {
  chmodSync,
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import Database from "better-sqlite3";

export const BACKUP_MAGIC = "OMDPBAK1";
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 } as const;
/** scrypt's memory is 128 * N * r bytes (32 MiB here); node's default cap is exactly that, so raise it. */
const SCRYPT_MAXMEM = 64 * 1024 * 1024;
const TAG_BYTES = 16;
const MAX_HEADER_BYTES = 4096;
/** How deep the walk goes (the data dir's layout is 3 levels deep). */
const MAX_DEPTH = 8;
/** SQLite's file header (https://www.sqlite.org/fileformat.html#the_database_header). */
const SQLITE_HEADER = Buffer.from("SQLite format 3\0", "latin1");
/** Files a store's connection owns beside it, and temp files: never copied (the backup API covers them). */
const SKIP = [/-wal$/, /-shm$/, /-journal$/, /\.tmp$/];

export type BackupErrorCode =
  | "no-passphrase"
  | "not-a-backup"
  | "wrong-passphrase"
  | "corrupt"
  | "unsafe-path"
  | "target-not-empty"
  | "no-data-dir";

/** A backup or restore that cannot go on, with what was found. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    readonly evidence: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = "BackupError";
  }
}

export interface ManifestEntry {
  /** Path inside the data dir, '/'-separated; the settings file is "config/<name>". */
  readonly path: string;
  readonly kind: "sqlite" | "file" | "config";
  readonly bytes: number;
  readonly sha256: string;
}

export interface Manifest {
  readonly format: 1;
  readonly createdAt: string;
  readonly files: readonly ManifestEntry[];
}

export interface BackupOptions {
  readonly dataDir: string;
  readonly passphrase: string;
  /** The platform's settings file (omdp.config.json), when there is one. */
  readonly configFile?: string;
  readonly now?: Date;
}

function isSqlite(file: string): boolean {
  if (lstatSync(file).size < SQLITE_HEADER.length) return false;
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, "r");
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return head.equals(SQLITE_HEADER);
}

function walk(dir: string, depth: number, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const st = lstatSync(path);
    if (st.isSymbolicLink()) continue;
    if (st.isDirectory()) {
      if (depth < MAX_DEPTH) walk(path, depth + 1, out);
    } else if (st.isFile() && !SKIP.some((re) => re.test(name))) out.push(path);
  }
}

function sha256(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

function checkPassphrase(passphrase: string): void {
  if (!passphrase) throw new BackupError("no-passphrase", "an empty passphrase is not accepted");
}

/** Copies a SQLite store with the online backup API into a temp file and returns its bytes. */
async function snapshot(file: string, scratch: string, n: number): Promise<Buffer> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const dest = join(scratch, `${n}.db`);
  try {
    await db.backup(dest);
  } finally {
    db.close();
  }
  return readFileSync(dest);
}

/** The encrypted archive of the data dir (see the layout above). */
export async function createBackup(opts: BackupOptions): Promise<{ archive: Buffer; manifest: Manifest }> {
  checkPassphrase(opts.passphrase);
  const root = resolve(opts.dataDir);
  if (!existsSync(root) || !lstatSync(root).isDirectory())
    throw new BackupError("no-data-dir", `no data dir at ${root}`, { dataDir: root });
  const files: string[] = [];
  walk(root, 0, files);
  const scratch = mkdtempSync(join(tmpdir(), "omdp-backup-"));
  chmodSync(scratch, 0o700);
  const entries: ManifestEntry[] = [];
  const blobs: Buffer[] = [];
  try {
    for (const [n, file] of files.entries()) {
      const sqlite = isSqlite(file);
      const data = sqlite ? await snapshot(file, scratch, n) : readFileSync(file);
      const path = relative(root, file).split(sep).join("/");
      entries.push({ path, kind: sqlite ? "sqlite" : "file", bytes: data.length, sha256: sha256(data) });
      blobs.push(data);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  if (opts.configFile && existsSync(opts.configFile)) {
    const data = readFileSync(opts.configFile);
    const name = opts.configFile.split(/[\\/]/).pop() as string;
    entries.push({ path: `config/${name}`, kind: "config", bytes: data.length, sha256: sha256(data) });
    blobs.push(data);
  }
  const manifest: Manifest = {
    format: 1,
    createdAt: (opts.now ?? new Date()).toISOString(),
    files: entries,
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest), "utf8");
  const len = Buffer.alloc(4);
  len.writeUInt32BE(manifestBytes.length);
  const plain = gzipSync(Buffer.concat([len, manifestBytes, ...blobs]));
  return { archive: encrypt(plain, opts.passphrase), manifest };
}

interface Header {
  readonly kdf: "scrypt";
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly salt: string;
  readonly cipher: "aes-256-gcm";
  readonly iv: string;
}

function encrypt(plain: Buffer, passphrase: string): Buffer {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const header: Header = {
    kdf: "scrypt",
    N: SCRYPT.N,
    r: SCRYPT.r,
    p: SCRYPT.p,
    salt: salt.toString("base64"),
    cipher: "aes-256-gcm",
    iv: iv.toString("base64"),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), "utf8");
  const key = scryptSync(passphrase, salt, SCRYPT.keyLength, {
    N: SCRYPT.N,
    r: SCRYPT.r,
    p: SCRYPT.p,
    maxmem: SCRYPT_MAXMEM,
  });
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(headerBytes);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(headerBytes.length);
  return Buffer.concat([Buffer.from(BACKUP_MAGIC, "latin1"), len, headerBytes, body, cipher.getAuthTag()]);
}

function decrypt(archive: Buffer, passphrase: string): Buffer {
  const magic = archive.subarray(0, 8).toString("latin1");
  if (archive.length < 12 || magic !== BACKUP_MAGIC)
    throw new BackupError("not-a-backup", "not an omdp backup (magic bytes differ)", {
      offset: 0,
      expected: BACKUP_MAGIC,
      actual: archive.subarray(0, 8).toString("hex"),
    });
  const headerLength = archive.readUInt32BE(8);
  if (headerLength > MAX_HEADER_BYTES || 12 + headerLength + TAG_BYTES > archive.length)
    throw new BackupError("corrupt", "backup header length out of range", {
      offset: 8,
      headerLength,
      archiveBytes: archive.length,
    });
  const headerBytes = archive.subarray(12, 12 + headerLength);
  let header: Header;
  try {
    header = JSON.parse(headerBytes.toString("utf8")) as Header;
  } catch {
    throw new BackupError("corrupt", "backup header is not JSON", { offset: 12 });
  }
  if (header.kdf !== "scrypt" || header.cipher !== "aes-256-gcm" || header.N > 2 ** 20)
    throw new BackupError("corrupt", "unsupported backup header", { kdf: header.kdf, cipher: header.cipher });
  const key = scryptSync(passphrase, Buffer.from(header.salt, "base64"), SCRYPT.keyLength, {
    N: header.N,
    r: header.r,
    p: header.p,
    maxmem: SCRYPT_MAXMEM * 2,
  });
  const body = archive.subarray(12 + headerLength, archive.length - TAG_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(header.iv, "base64"));
  decipher.setAAD(headerBytes);
  decipher.setAuthTag(archive.subarray(archive.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new BackupError(
      "wrong-passphrase",
      "wrong passphrase, or the backup was changed (AES-GCM authentication failed)",
      { archiveBytes: archive.length },
    );
  }
}

/** Reads the manifest and files of an archive (after authenticating it). */
export function openBackup(
  archive: Buffer,
  passphrase: string,
): { manifest: Manifest; files: Map<string, Buffer> } {
  checkPassphrase(passphrase);
  let plain: Buffer;
  try {
    plain = gunzipSync(decrypt(archive, passphrase));
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError("corrupt", `backup content does not unpack: ${(err as Error).message}`);
  }
  const mlen = plain.readUInt32BE(0);
  const manifest = JSON.parse(plain.subarray(4, 4 + mlen).toString("utf8")) as Manifest;
  const files = new Map<string, Buffer>();
  let offset = 4 + mlen;
  for (const e of manifest.files) {
    const data = plain.subarray(offset, offset + e.bytes);
    if (data.length !== e.bytes || sha256(data) !== e.sha256)
      throw new BackupError("corrupt", `file ${e.path} does not match its checksum`, {
        path: e.path,
        offset,
        expected: e.sha256,
        actual: sha256(data),
      });
    files.set(e.path, data);
    offset += e.bytes;
  }
  return { manifest, files };
}

export interface RestoreOptions {
  readonly dataDir: string;
  readonly passphrase: string;
  /** Where the settings file goes (default: `<dataDir>/<name>`, e.g. `.data/omdp.config.json`). */
  readonly configOut?: string;
  /** Restore into a data dir that has files already (default: refuse). */
  readonly force?: boolean;
}

/** Writes the archive's files into a data dir: files 0600, folders 0700. Returns the manifest. */
export function restoreBackup(
  archive: Buffer,
  opts: RestoreOptions,
): { manifest: Manifest; configFile?: string } {
  const { manifest, files } = openBackup(archive, opts.passphrase);
  const root = resolve(opts.dataDir);
  if (existsSync(root) && readdirSync(root).length > 0 && !opts.force)
    throw new BackupError("target-not-empty", `${root} is not empty (use a fresh data dir, or --force)`, {
      dataDir: root,
    });
  mkdirSync(root, { recursive: true, mode: 0o700 });
  chmodSync(root, 0o700);
  let configFile: string | undefined;
  for (const e of manifest.files) {
    const data = files.get(e.path) as Buffer;
    let target: string;
    if (e.kind === "config") {
      target = opts.configOut ? resolve(opts.configOut) : join(root, e.path.slice("config/".length));
      configFile = target;
    } else {
      target = resolve(root, e.path);
      if (!target.startsWith(root + sep))
        throw new BackupError("unsafe-path", `backup entry leaves the data dir: ${e.path}`, { path: e.path });
    }
    makePrivateDirs(dirname(target), root);
    writeFileSync(target, data, { mode: 0o600 });
    chmodSync(target, 0o600);
  }
  return { manifest, ...(configFile ? { configFile } : {}) };
}

/** mkdir -p with 0700 for every folder made below (or at) the data dir. */
function makePrivateDirs(dir: string, root: string): void {
  if (existsSync(dir)) return;
  makePrivateDirs(dirname(dir), root);
  mkdirSync(dir, { mode: 0o700 });
  if (dir === root || dir.startsWith(root + sep)) chmodSync(dir, 0o700);
}
