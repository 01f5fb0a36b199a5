/**
 * `omdp backup --out FILE [--data DIR]`: an encrypted online backup of the data dir (every SQLite store
 * through SQLite's backup API, so the platform may keep running; keys.json, tokens.json, the edge CA and
 * identities, the simulator's state) and the settings file. Format: simulator/src/platform/backup.ts.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { BackupError, createBackup } from "../../../../simulator/src/platform/backup";
import { configPath, defaultDataDir, PASSPHRASE_ENV, readPassphrase } from "./backup-common";

const HELP = `Usage: omdp backup --out FILE [--data DIR] [--passphrase-file FILE] [--config FILE]

Writes one encrypted archive (scrypt + AES-256-GCM) of the data dir: every SQLite store (online backup:
the platform may keep running), keys.json, tokens.json, the edge hub's CA and identities, the simulated
meters' state, and the settings file. The archive is written 0600.

Options:
  --out FILE              the archive to write (required)
  --data DIR              the data dir (default: the platform's, from omdp.config.json / OMDP_DATA_DIR)
  --passphrase-file FILE  the passphrase is the file's first line (else env ${PASSPHRASE_ENV})
  --config FILE           settings file to include (default: omdp.config.json of the repository)
  -h, --help              this help
`;

export async function run(argv: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        out: { type: "string" },
        data: { type: "string" },
        "data-dir": { type: "string" },
        "passphrase-file": { type: "string" },
        config: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`omdp backup: ${(err as Error).message}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (typeof values.out !== "string") {
    process.stderr.write(`omdp backup: --out FILE is required\n\n${HELP}`);
    return 2;
  }
  try {
    const config = configPath(values.config as string | undefined);
    const dataDir = (values.data ?? values["data-dir"] ?? defaultDataDir(config)) as string;
    const passphrase = readPassphrase(values["passphrase-file"] as string | undefined);
    const { archive, manifest } = await createBackup({ dataDir, passphrase, configFile: config });
    writeFileSync(values.out, archive, { mode: 0o600 });
    const stores = manifest.files.filter((f) => f.kind === "sqlite").length;
    process.stdout.write(
      `omdp backup: ${values.out}: ${manifest.files.length} files (${stores} SQLite stores) from ${dataDir}, ${archive.length} bytes\n`,
    );
    return 0;
  } catch (err) {
    if (err instanceof BackupError) {
      process.stderr.write(`omdp backup: ${err.code}: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
