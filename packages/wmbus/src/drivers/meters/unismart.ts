// wmbusmeters driver "unismart" (gas, manufacturer AMX): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_unismart: WirelessDriver = {
  name: "unismart",
  meter: "AMX gas",
  source: CORPUS_SOURCE,
  match: { manufacturer: "AMX", version: [1], medium: [0x03] },
  fields: [
    rec("total", "m3", "volume", 0x14, { vife: [0x3a] }),
    rec("target", "m3", "volume", 0x14, { storage: 1, vife: [0x3a] }),
  ],
  payload: [],
  golden: [
    {
      hex: "6044B8059430040001037A1D005085E2B670BCF1A5C87E0C1A51DA18924EF984613DA2A9CD39D8F4C7208326C76D42DBEADF80D574192B71BD7C4F56A7F1513151768A9DB804883B28CB085CA2D0F7438C361CB9E2734712ED9BFBB2A14EF55208",
      key: "00000000000000000000000000000000",
      source: CORPUS_FILE,
      expect: { total_m3: 917, target_m3: 911.32 },
    },
  ],
};
