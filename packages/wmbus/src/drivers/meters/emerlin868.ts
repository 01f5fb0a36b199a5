// wmbusmeters driver "emerlin868" (radio converter (meter side), manufacturer ELR): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { TARGET_M3, TOTAL_M3_VIF_13 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_emerlin868: WirelessDriver = {
  name: "emerlin868",
  meter: "ELR radio converter (meter side)",
  source: CORPUS_SOURCE,
  match: { manufacturer: "ELR", version: [17], medium: [0x37] },
  fields: [TOTAL_M3_VIF_13, TARGET_M3],
  payload: [],
  golden: [
    {
      hex: "2E4492159293949511377ABE0020252F2F04135515000004FD971D80800000441300000000426C000002FDFD02B300",
      source: CORPUS_FILE,
      expect: { total_m3: 5.461, target_m3: 0 },
    },
  ],
};
