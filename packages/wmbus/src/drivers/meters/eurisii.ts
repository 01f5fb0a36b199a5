// wmbusmeters driver "eurisii" (heat cost allocation, manufacturer RAM): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { CONSUMPTION_AT_SET_DATE_1_HCA, CONSUMPTION_AT_SET_DATE_HCA } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_eurisii: WirelessDriver = {
  name: "eurisii",
  meter: "RAM heat cost allocation",
  source: CORPUS_SOURCE,
  match: { manufacturer: "RAM", version: [85], medium: [0x08] },
  fields: [
    rec("consumption_at_set_date_4", "hca", "hcaUnits", 0x6e, { storage: 3 }),
    rec("consumption_at_set_date_5", "hca", "hcaUnits", 0x6e, { storage: 5 }),
    rec("consumption_at_set_date_6", "hca", "hcaUnits", 0x6e, { storage: 5 }),
    rec("consumption_at_set_date_2", "hca", "hcaUnits", 0x6e, { storage: 2 }),
    rec("consumption_at_set_date_14", "hca", "hcaUnits", 0x6e, { storage: 14 }),
    rec("consumption_at_set_date_8", "hca", "hcaUnits", 0x6e, { storage: 5 }),
    CONSUMPTION_AT_SET_DATE_1_HCA,
    rec("consumption_at_set_date_10", "hca", "hcaUnits", 0x6e, { storage: 10 }),
    rec("consumption_at_set_date_17", "hca", "hcaUnits", 0x6e, { storage: 16 }),
    rec("consumption_at_set_date_13", "hca", "hcaUnits", 0x6e, { storage: 13 }),
    rec("consumption_at_set_date_11", "hca", "hcaUnits", 0x6e, { storage: 11 }),
    rec("consumption_at_set_date_3", "hca", "hcaUnits", 0x6e, { storage: 3 }),
    rec("consumption_at_set_date_9", "hca", "hcaUnits", 0x6e, { storage: 9 }),
    rec("consumption_at_set_date_15", "hca", "hcaUnits", 0x6e, { storage: 15 }),
    rec("consumption_at_set_date_16", "hca", "hcaUnits", 0x6e, { storage: 16 }),
    rec("consumption_at_set_date_7", "hca", "hcaUnits", 0x6e, { storage: 5 }),
    rec("consumption_at_set_date_12", "hca", "hcaUnits", 0x6e, { storage: 12 }),
    CONSUMPTION_AT_SET_DATE_HCA,
  ],
  payload: [],
  golden: [
    {
      hex: "76442D4870072060550872700720602D485508280060052F2F0B6E320100426E550082016E3500C2016E1F0082026E1F00C2026E130082036E1300C2036E130082046E1300C2046E120082056E7D01C2056E440182066E0601C2066EB80082076E7F00C2076E320082086E1C00C2086E1C0002FD170000",
      source: CORPUS_FILE,
      expect: {
        current_consumption_hca: 132,
        consumption_at_set_date_4_hca: 31,
        consumption_at_set_date_5_hca: 19,
        consumption_at_set_date_6_hca: 19,
        consumption_at_set_date_2_hca: 53,
        consumption_at_set_date_14_hca: 127,
        consumption_at_set_date_8_hca: 19,
        consumption_at_set_date_1_hca: 85,
        consumption_at_set_date_10_hca: 381,
        consumption_at_set_date_17_hca: 28,
        consumption_at_set_date_13_hca: 184,
        consumption_at_set_date_11_hca: 324,
        consumption_at_set_date_3_hca: 31,
        consumption_at_set_date_9_hca: 18,
        consumption_at_set_date_15_hca: 50,
        consumption_at_set_date_16_hca: 28,
        consumption_at_set_date_7_hca: 19,
        consumption_at_set_date_12_hca: 262,
        consumption_at_set_date_hca: 85,
      },
    },
  ],
};
