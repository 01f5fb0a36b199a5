// wmbusmeters driver "lse_07_17" (warm water, manufacturer LSE): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { TOTAL_M3_VIF_13 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_lse_07_17: WirelessDriver = {
  name: "lse_07_17",
  meter: "LSE warm water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "LSE", version: [24, 216], medium: [0x06, 0x07] },
  fields: [
    rec("consumption_at_set_date_8", "m3", "volume", 0x13, { storage: 8 }),
    TOTAL_M3_VIF_13,
    rec("due", "m3", "volume", 0x13, { storage: 1 }),
  ],
  payload: [],
  golden: [
    {
      hex: "244465329933961318067AE10000008C04130070000082046CBE2B01FD0C11046D010CA22C",
      source: CORPUS_FILE,
      expect: { consumption_at_set_date_8_m3: 7 },
    },
    {
      hex: "2D4465320877411218067A8C0000000C13122100004C1300000000426CFFFF02BB560000326CFFFF046D2104BC2B",
      source: CORPUS_FILE,
      expect: { total_m3: 2.112, due_m3: 0 },
    },
    {
      hex: "2D44653223369909D8077A80000000046D130AED2B0C13233332004C1351762700426CDF2C326CFFFF02BB560000",
      source: CORPUS_FILE,
      expect: { due_m3: 277.651, total_m3: 323.323 },
    },
    {
      hex: "2D4465329933961318067ADA0000000C13567100004C1300000000426CFFFF02BB560000326CFFFF046D2307A12C",
      source: CORPUS_FILE,
      expect: { total_m3: 7.156, due_m3: 0 },
    },
  ],
};
