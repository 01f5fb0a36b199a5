// wmbusmeters driver "itronheat" (heat, manufacturer ITW): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { TOTAL_KWH_VIF_6 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_itronheat: WirelessDriver = {
  name: "itronheat",
  meter: "ITW heat",
  source: CORPUS_SOURCE,
  match: { manufacturer: "ITW", version: [0], medium: [0x04] },
  fields: [TOTAL_KWH_VIF_6, rec("total", "m3", "volume", 0x14)],
  payload: [],
  golden: [
    {
      hex: "444497268504342300047AD00030A52F2F04062C0100000C1429270000066D2D130AE12B007406FEFEFEFE426C1F010D7FEB0E00000006040C995500372F2F0C7951622223",
      source: CORPUS_FILE,
      expect: { total_kwh: 300, total_m3: 27.29 },
    },
  ],
};
