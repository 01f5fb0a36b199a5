// wmbusmeters driver "watertech" (water, manufacturer WTT): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { TOTAL_M3_VIF_13 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_watertech: WirelessDriver = {
  name: "watertech",
  meter: "WTT water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "WTT", version: [89], medium: [0x07] },
  fields: [TOTAL_M3_VIF_13],
  payload: [],
  golden: [
    {
      hex: "3144945E3838383859078C20007A010020252F2F066D1C1F0EF021000413B91E000002FD17000002FD0F4C2B2F2F2F2F2F2F",
      source: CORPUS_FILE,
      expect: { total_m3: 7.865 },
    },
  ],
};
