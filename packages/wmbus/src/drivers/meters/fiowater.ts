// wmbusmeters driver "fiowater" (water, manufacturer FIO): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { TOTAL_M3_VIF_13 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_fiowater: WirelessDriver = {
  name: "fiowater",
  meter: "FIO water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "FIO", version: [1], medium: [0x07] },
  fields: [TOTAL_M3_VIF_13],
  payload: [],
  golden: [
    {
      hex: "43442F191469012501078C2075900F002C257C690300FDD9AE90F019F1C07A47102007102F2F0C1322921500046D3A2A3A390F60011907052F2F2F2F2F2F2F2F2F2F2F2F",
      source: CORPUS_FILE,
      expect: { total_m3: 159.222 },
    },
  ],
};
