// wmbusmeters driver "aventieswm" (water, manufacturer AAA): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { TOTAL_M3_VIF_13 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_aventieswm: WirelessDriver = {
  name: "aventieswm",
  meter: "AAA water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "AAA", version: [37], medium: [0x07] },
  fields: [
    TOTAL_M3_VIF_13,
    rec("consumption_at_set_date_1", "m3", "volume", 0x14, { storage: 1 }),
    rec("consumption_at_set_date_2", "m3", "volume", 0x14, { storage: 2 }),
    rec("consumption_at_set_date_3", "m3", "volume", 0x14, { storage: 3 }),
    rec("consumption_at_set_date_4", "m3", "volume", 0x14, { storage: 4 }),
    rec("consumption_at_set_date_5", "m3", "volume", 0x14, { storage: 5 }),
    rec("consumption_at_set_date_6", "m3", "volume", 0x14, { storage: 6 }),
    rec("consumption_at_set_date_7", "m3", "volume", 0x14, { storage: 7 }),
    rec("consumption_at_set_date_8", "m3", "volume", 0x14, { storage: 8 }),
    rec("consumption_at_set_date_9", "m3", "volume", 0x14, { storage: 9 }),
    rec("consumption_at_set_date_10", "m3", "volume", 0x14, { storage: 10 }),
    rec("consumption_at_set_date_11", "m3", "volume", 0x14, { storage: 11 }),
    rec("consumption_at_set_date_12", "m3", "volume", 0x14, { storage: 12 }),
    rec("consumption_at_set_date_13", "m3", "volume", 0x14, { storage: 13 }),
    rec("consumption_at_set_date_14", "m3", "volume", 0x14, { storage: 14 }),
  ],
  payload: [],
  golden: [
    {
      hex: "76442104710007612507727100076121042507B5006005E2E95A3C2A1279A5415E6732679B43369FD5FDDDD783EEEBB48236D34E7C94AF0A18A5FDA5F7D64111EB42D4D891622139F2952F9D12A20088DFA4CF8123871123EE1F6C1DCEA414879DDB4E05E508F1826D7EFBA6964DF804C9261EA23BBF03",
      key: "A004EB23329A477F1DD2D7820B56EB3D",
      source: CORPUS_FILE,
      expect: {
        total_m3: 466.472,
        consumption_at_set_date_1_m3: 465.96,
        consumption_at_set_date_2_m3: 458.88,
        consumption_at_set_date_3_m3: 449.65,
        consumption_at_set_date_4_m3: 442.35,
        consumption_at_set_date_5_m3: 431.07,
        consumption_at_set_date_6_m3: 423.98,
        consumption_at_set_date_7_m3: 415.23,
        consumption_at_set_date_8_m3: 409.03,
        consumption_at_set_date_9_m3: 400.79,
        consumption_at_set_date_10_m3: 393.2,
        consumption_at_set_date_11_m3: 388.63,
        consumption_at_set_date_12_m3: 379.26,
        consumption_at_set_date_13_m3: 371.26,
        consumption_at_set_date_14_m3: 357.84,
      },
    },
  ],
};
