import { existsSync, readFileSync } from "node:fs";
import { ConfigError } from "./config";

/** Reads `omdp.config.json` (undefined when there is none: the embedded defaults apply). */
export function loadConfigFile(path: string, required = false): unknown {
  if (!existsSync(path)) {
    if (required) throw new ConfigError("--config", `no such file: ${path}`);
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(path, "utf8")) as unknown;
  } catch (err) {
    throw new ConfigError(path, `not valid JSON: ${(err as Error).message}`);
  }
}
