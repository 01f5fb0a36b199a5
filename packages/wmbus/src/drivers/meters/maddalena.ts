// wmbusmeters driver "maddalena" (water, manufacturer MAD): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { TARGET_M3, TOTAL_M3_VIF_13 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_maddalena: WirelessDriver = {
  name: "maddalena",
  meter: "MAD water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "MAD", version: [1], medium: [0x07] },
  fields: [TARGET_M3, TOTAL_M3_VIF_13],
  payload: [],
  golden: [
    {
      hex: "4E4424349986012401077AF20000202F2F0413A7000000046D0E0C163B04FD17000000000E789986012401FF441300000000426C01018401134A00000082016C1F3AD3013B470500C4016D1B14153B",
      source: CORPUS_FILE,
      expect: { target_m3: 0, total_m3: 0.167 },
    },
  ],
};
