/** What `omdp backup` and `omdp restore` share: the passphrase source and the settings file's path. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BackupError } from "../../../../simulator/src/platform/backup";
import { loadConfigFile, REPO_ROOT, resolveConfig } from "../../../../simulator/src/platform/index";

export const PASSPHRASE_ENV = "OMDP_BACKUP_PASSPHRASE";

/** The passphrase: the first line of --passphrase-file, else OMDP_BACKUP_PASSPHRASE. */
export function readPassphrase(file: string | undefined): string {
  if (file) {
    const text = readFileSync(file, "utf8");
    const line = text.split(/\r?\n/)[0] ?? "";
    if (!line) throw new BackupError("no-passphrase", `${file}: the first line (the passphrase) is empty`);
    return line;
  }
  const env = process.env[PASSPHRASE_ENV];
  if (!env) throw new BackupError("no-passphrase", `give --passphrase-file FILE or set ${PASSPHRASE_ENV}`);
  return env;
}

/** The settings file (--config, OMDP_CONFIG, or the repository's omdp.config.json). */
export function configPath(flag: string | undefined): string {
  return flag ?? process.env.OMDP_CONFIG ?? join(REPO_ROOT, "omdp.config.json");
}

/** The data dir the platform would use with these settings (omdp.config.json, OMDP_DATA_DIR). */
export function defaultDataDir(config: string): string {
  return resolveConfig(loadConfigFile(config), process.env, {}, REPO_ROOT).dataDir;
}
