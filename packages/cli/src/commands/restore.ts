/**
 * `omdp restore --in FILE --data DIR`: unpacks an archive of `omdp backup` into a (fresh) data dir,
 * files 0600 and folders 0700. A wrong passphrase or a changed archive is refused before anything is written.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { BackupError, restoreBackup } from "../../../../simulator/src/platform/backup";
import { PASSPHRASE_ENV, readPassphrase } from "./backup-common";

const HELP = `Usage: omdp restore --in FILE --data DIR [--passphrase-file FILE] [--config-out FILE] [--force]

Restores an archive written by 'omdp backup' into DIR (files 0600, folders 0700). Start the platform
over it with 'omdp start --data-dir DIR' (and --config FILE for the restored settings file).

Options:
  --in FILE               the archive (required)
  --data DIR              the data dir to restore into (required; must be empty unless --force)
  --passphrase-file FILE  the passphrase is the file's first line (else env ${PASSPHRASE_ENV})
  --config-out FILE       where the settings file goes (default DIR/omdp.config.json)
  --force                 restore into a data dir that has files (they are overwritten)
  -h, --help              this help
`;

export async function run(argv: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        in: { type: "string" },
        data: { type: "string" },
        "data-dir": { type: "string" },
        "passphrase-file": { type: "string" },
        "config-out": { type: "string" },
        force: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`omdp restore: ${(err as Error).message}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const dataDir = (values.data ?? values["data-dir"]) as string | undefined;
  if (typeof values.in !== "string" || !dataDir) {
    process.stderr.write(`omdp restore: --in FILE and --data DIR are required\n\n${HELP}`);
    return 2;
  }
  try {
    const passphrase = readPassphrase(values["passphrase-file"] as string | undefined);
    const { manifest, configFile } = restoreBackup(readFileSync(values.in), {
      dataDir,
      passphrase,
      ...(values["config-out"] ? { configOut: String(values["config-out"]) } : {}),
      ...(values.force ? { force: true } : {}),
    });
    process.stdout.write(
      `omdp restore: ${manifest.files.length} files of ${manifest.createdAt} into ${dataDir}${configFile ? `; settings ${configFile}` : ""}\n`,
    );
    return 0;
  } catch (err) {
    if (err instanceof BackupError) {
      process.stderr.write(`omdp restore: ${err.code}: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
