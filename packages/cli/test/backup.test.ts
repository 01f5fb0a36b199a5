/**
 * omdp backup / omdp restore (issue 16 section 4): a data dir with a live SQLite store (WAL mode, a
 * writer connection open, committed rows still only in the -wal file), keys and tokens -> backup ->
 * restore onto a fresh dir -> the restored store answers the same rows; modes 0600/0700; a wrong
 * passphrase and a changed archive are typed errors, and nothing is written.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { BackupError, openBackup, restoreBackup } from "../../../simulator/src/platform/backup";
import { main } from "../src/main";

const PASSPHRASE = "correct horse battery staple";
let work: string;
let data: string;
let writer: Database.Database;

// The rows the test writes, and so the rows a restored store must answer.
const ROWS = [
  { meter: "KFM1000000001", ts: "2026-11-30T23:00:00Z", wh: 16760882 },
  { meter: "SAG1000000002", ts: "2026-11-30T23:00:00Z", wh: 5012 },
  { meter: "12345678", ts: "2026-11-30T23:15:00Z", wh: 131 },
];

function setEnv(env: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

async function omdp(argv: string[], env: Record<string, string | undefined> = {}) {
  let stdout = "";
  let stderr = "";
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  setEnv(env);
  const out = vi.spyOn(process.stdout, "write").mockImplementation((c) => {
    stdout += String(c);
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation((c) => {
    stderr += String(c);
    return true;
  });
  try {
    return { status: await main(argv), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    setEnv(saved);
  }
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "omdp-backup-test-"));
  data = join(work, "data");
  mkdirSync(join(data, "edge", "modules"), { recursive: true });
  mkdirSync(join(data, "sim"), { recursive: true });
  writeFileSync(join(data, "keys.json"), '{"KFM1000000001":{"ek":"000102030405060708090A0B0C0D0E0F"}}\n');
  writeFileSync(join(data, "tokens.json"), '{"cloud":{},"edge":"t0k"}\n');
  writeFileSync(join(data, "sim", "clock.json"), '{"epoch":0}\n');
  writeFileSync(join(work, "omdp.config.json"), '{"households":[]}\n');
  // A store the platform is writing: WAL, with autocheckpoint off so committed rows live only in -wal.
  writer = new Database(join(data, "edge", "modules", "sharing.db"));
  writer.pragma("journal_mode = WAL");
  writer.pragma("wal_autocheckpoint = 0");
  writer.exec("CREATE TABLE intervals (meter TEXT, ts TEXT, wh INTEGER, PRIMARY KEY (meter, ts))");
  const insert = writer.prepare("INSERT INTO intervals VALUES (@meter, @ts, @wh)");
  for (const r of ROWS) insert.run(r);
  writeFileSync(join(work, "pass"), `${PASSPHRASE}\n`);
});

afterAll(() => {
  writer?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("omdp backup and restore", () => {
  it("restores a live store, keys, tokens and settings onto a fresh dir with the same answers", async () => {
    // The committed rows are in the -wal file (a plain copy of sharing.db alone would miss them).
    expect(statSync(join(data, "edge", "modules", "sharing.db-wal")).size).toBeGreaterThan(0);
    const archive = join(work, "b.omdpbak");
    const b = await omdp([
      "backup",
      "--out",
      archive,
      "--data",
      data,
      "--passphrase-file",
      join(work, "pass"),
      "--config",
      join(work, "omdp.config.json"),
    ]);
    expect(b.stderr).toBe("");
    expect(b.status).toBe(0);
    expect(b.stdout).toContain("5 files (1 SQLite stores)");
    expect(statSync(archive).mode & 0o777).toBe(0o600);
    // Encrypted: neither the key nor the token appears in the archive.
    const bytes = readFileSync(archive);
    expect(bytes.includes(Buffer.from("000102030405060708090A0B0C0D0E0F"))).toBe(false);

    const fresh = join(work, "fresh");
    const r = await omdp(["restore", "--in", archive, "--data", fresh], {
      OMDP_BACKUP_PASSPHRASE: PASSPHRASE,
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);

    // No -wal/-shm of the source came along: the backup API wrote one self-contained file.
    expect(readdirSync(join(fresh, "edge", "modules"))).toEqual(["sharing.db"]);
    const restored = new Database(join(fresh, "edge", "modules", "sharing.db"), { readonly: true });
    const rows = restored.prepare("SELECT meter, ts, wh FROM intervals ORDER BY meter").all();
    restored.close();
    expect(rows).toEqual([...ROWS].sort((a, b) => (a.meter < b.meter ? -1 : 1)));
    expect(readFileSync(join(fresh, "keys.json"), "utf8")).toBe(
      readFileSync(join(data, "keys.json"), "utf8"),
    );
    expect(readFileSync(join(fresh, "tokens.json"), "utf8")).toBe('{"cloud":{},"edge":"t0k"}\n');
    expect(readFileSync(join(fresh, "sim", "clock.json"), "utf8")).toBe('{"epoch":0}\n');
    expect(readFileSync(join(fresh, "omdp.config.json"), "utf8")).toBe('{"households":[]}\n');
    // Modes: files 0600, folders 0700.
    for (const f of ["keys.json", "tokens.json", "sim/clock.json", "edge/modules/sharing.db"])
      expect(statSync(join(fresh, f)).mode & 0o777, f).toBe(0o600);
    for (const d of ["", "sim", "edge", "edge/modules"])
      expect(statSync(join(fresh, d)).mode & 0o777, d || ".").toBe(0o700);
  });

  it("a wrong passphrase is a typed error and writes nothing", async () => {
    const archive = join(work, "b.omdpbak");
    const target = join(work, "wrong");
    const r = await omdp(["restore", "--in", archive, "--data", target], {
      OMDP_BACKUP_PASSPHRASE: "not it",
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("omdp restore: wrong-passphrase:");
    expect(existsSync(target)).toBe(false);
    expect(() => openBackup(readFileSync(archive), "not it")).toThrow(BackupError);
  });

  it("a changed archive fails authentication; a file that is not a backup says so with its bytes", () => {
    const bytes = Buffer.from(readFileSync(join(work, "b.omdpbak")));
    bytes[bytes.length - 40] ^= 0x01; // one bit of the ciphertext
    expect(() => openBackup(bytes, PASSPHRASE)).toThrow(
      expect.objectContaining({ name: "BackupError", code: "wrong-passphrase" }),
    );
    try {
      openBackup(Buffer.from("SQLite format 3\0 not a backup"), PASSPHRASE);
      expect.unreachable();
    } catch (e) {
      expect((e as BackupError).code).toBe("not-a-backup");
      expect((e as BackupError).evidence).toMatchObject({
        offset: 0,
        expected: "OMDPBAK1",
        actual: "53514c6974652066",
      });
    }
  });

  it("refuses a data dir that has files unless --force, and needs a passphrase", async () => {
    const archive = readFileSync(join(work, "b.omdpbak"));
    expect(() => restoreBackup(archive, { dataDir: data, passphrase: PASSPHRASE })).toThrow(/not empty/);
    const r = await omdp(["backup", "--out", join(work, "x"), "--data", data], {
      OMDP_BACKUP_PASSPHRASE: undefined,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("no-passphrase");
  });
});
