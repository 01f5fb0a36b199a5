// wmbusmeters driver "iwmtx5" (warm water, manufacturer BMT): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { TOTAL_M3_VIF_13 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_iwmtx5: WirelessDriver = {
  name: "iwmtx5",
  meter: "BMT warm water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "BMT", version: [24], medium: [0x06] },
  fields: [TOTAL_M3_VIF_13],
  payload: [],
  golden: [
    {
      hex: "4A44B4097005362418068C00647A7D400000066D210A673139000C13589402000F0582030000550200660300C004000006005407009B0800030A00C10A00000000000000010000FC000000",
      source: CORPUS_FILE,
      expect: { total_m3: 29.458 },
    },
  ],
};
