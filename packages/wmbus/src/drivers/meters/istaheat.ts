// wmbusmeters driver "istaheat" (heat, manufacturer IST): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { TARGET_KWH, TOTAL_KWH } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_istaheat: WirelessDriver = {
  name: "istaheat",
  meter: "IST heat",
  source: CORPUS_SOURCE,
  match: { manufacturer: "IST", version: [169], medium: [0x04] },
  fields: [
    rec("last_year", "kwh", "energy", 0x05, { storage: 1 }),
    TARGET_KWH,
    rec("target", "m3", "volume", 0x15, { storage: 2 }),
    TOTAL_KWH,
  ],
  payload: [],
  golden: [
    {
      hex: "5344742669315033A9048C2070900F002C25961200009D6949E80EB1E2707A96003007102F2F0C0500000000426C00004C050000000082016CFE298C0105000000008C0115000000002F2F2F2F2F2F2F2F2F2F2F",
      source: CORPUS_FILE,
      expect: { last_year_kwh: 0, target_kwh: 0, target_m3: 0, total_kwh: 0 },
    },
  ],
};
