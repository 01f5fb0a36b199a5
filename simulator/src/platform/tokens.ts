/**
 * The dev tokens of `omdp start` (a JWT per household for the local cloud, the edge API token) go to a
 * 0600 file in the data dir, rewritten whenever a restarted component hands over new ones. They never go
 * through a logger; the banner shows them only on a terminal and otherwise names this file.
 */
import { writePrivateFile } from "./dataDir";

export const TOKENS_FILE = "tokens.json";

export interface DevTokens {
  /** Household id to a JWT the local cloud accepts (12 h). */
  readonly cloud: Readonly<Record<string, string>>;
  /** The edge API token of the app (empty when the edge is not running). */
  readonly edge: string;
}

export function writeTokens(path: string, tokens: DevTokens): void {
  writePrivateFile(
    path,
    `${JSON.stringify({ cloud: tokens.cloud, edge: tokens.edge, writtenAt: new Date().toISOString() }, null, 2)}\n`,
  );
}
