// wmbusmeters driver "evo868" (water, manufacturer MAD): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { CONSUMPTION_AT_SET_DATE_M3, TOTAL_M3_VIF_13 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_evo868: WirelessDriver = {
  name: "evo868",
  meter: "MAD water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "MAD", version: [80], medium: [0x07] },
  fields: [
    TOTAL_M3_VIF_13,
    CONSUMPTION_AT_SET_DATE_M3,
    rec("consumption_at_set_date_2", "m3", "volume", 0x13, { storage: 1 }),
    rec("max_flow_since_datetime", "m3h", "volumeFlow", 0x3b, { function: "maximum", storage: 3 }),
    rec("consumption_at_history_1", "m3", "volume", 0x13, { storage: 1 }),
    rec("consumption_at_history_2", "m3", "volume", 0x13, { storage: 9 }),
    rec("consumption_at_history_3", "m3", "volume", 0x13, { storage: 10 }),
    rec("consumption_at_history_4", "m3", "volume", 0x13, { storage: 10 }),
    rec("consumption_at_history_5", "m3", "volume", 0x13, { storage: 10 }),
    rec("consumption_at_history_6", "m3", "volume", 0x13, { storage: 10 }),
    rec("consumption_at_history_7", "m3", "volume", 0x13, { storage: 10 }),
    rec("consumption_at_history_8", "m3", "volume", 0x13, { storage: 10 }),
    rec("consumption_at_history_9", "m3", "volume", 0x13, { storage: 10 }),
    rec("consumption_at_history_10", "m3", "volume", 0x13, { storage: 10 }),
    rec("consumption_at_history_11", "m3", "volume", 0x13, { storage: 10 }),
    rec("consumption_at_history_12", "m3", "volume", 0x13, { storage: 10 }),
  ],
  payload: [],
  golden: [
    {
      hex: "AE4424347677787950077AC10000202F2F041306070000046D1E31B12104FD17000000000E787880048120004413C9040000426C9F2C840113C904000082016C9F2CD3013B9A0200C4016D0534A7218104FD280182046C9F2C840413C9040000C404131B00000084051300000000C405130000000084061300000000C406130000000084071300000000C407130000000084081300000000C408130000000084091300000000C4091300000000FFFF",
      source: CORPUS_FILE,
      expect: {
        total_m3: 1.798,
        consumption_at_set_date_m3: 1.225,
        consumption_at_set_date_2_m3: 1.225,
        max_flow_since_datetime_m3h: 0.666,
        consumption_at_history_1_m3: 1.225,
        consumption_at_history_2_m3: 0.027,
        consumption_at_history_3_m3: 0,
        consumption_at_history_4_m3: 0,
        consumption_at_history_5_m3: 0,
        consumption_at_history_6_m3: 0,
        consumption_at_history_7_m3: 0,
        consumption_at_history_8_m3: 0,
        consumption_at_history_9_m3: 0,
        consumption_at_history_10_m3: 0,
        consumption_at_history_11_m3: 0,
        consumption_at_history_12_m3: 0,
      },
    },
  ],
};
