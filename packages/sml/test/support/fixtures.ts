/** The corpus fixtures copied from /work/shared/corpus/sml (see its README). */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface SmlFixture {
  name: string;
  source: { repo: string; commit: string; path: string; test: string };
  hex: string;
  expected: Record<string, number>;
  units: Record<string, string>;
  checks?: { crc?: string; quirk?: string };
}

const DIR = join(import.meta.dirname, "..", "fixtures");

export function fixtures(): SmlFixture[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(DIR, f), "utf8")) as SmlFixture);
}

export function fixtureBytes(f: SmlFixture): Uint8Array {
  return Uint8Array.from(Buffer.from(f.hex, "hex"));
}

export function fixture(name: string): SmlFixture {
  const f = fixtures().find((x) => x.name === name);
  if (f === undefined) throw new Error(`no fixture ${name}`);
  return f;
}

export const DZG = "libsml_testing_dzg_dvs_7412_2_jmberg";
/**
 * sml2mqtt's sml_data_1 is an eBZ DD3 2R06 dump with reqFileId and serverId zeroed (libsml-testing
 * PR #13 shows the same transaction ids); the file CRC was redone, the open and get-list message CRCs
 * were not, so this fixture decodes with messageCrc: "report".
 */
export const EBZ = "sml2mqtt_sml_data_1";
