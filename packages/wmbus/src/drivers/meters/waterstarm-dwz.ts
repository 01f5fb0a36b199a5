// wmbusmeters driver "waterstarm" (water, manufacturer DWZ): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { WATERSTARM_DWZ_FIELDS } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_waterstarm_dwz: WirelessDriver = {
  name: "waterstarm",
  meter: "DWZ water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "DWZ", version: [0, 2], medium: [0x07, 0x06] },
  fields: [
    ...WATERSTARM_DWZ_FIELDS,
    rec("battery", "v", "voltage", ["fd", 0x48]),
    rec("total_backwards", "m3", "volume", 0x13, { vife: [0x3c] }),
    rec("consumption_at_history_10", "m3", "volume", 0x13, { storage: 11 }),
    rec("consumption_at_history_11", "m3", "volume", 0x13, { storage: 12 }),
    rec("consumption_at_history_12", "m3", "volume", 0x13, { storage: 13 }),
    rec("consumption_at_history_13", "m3", "volume", 0x13, { storage: 14 }),
    rec("consumption_at_history_14", "m3", "volume", 0x13, { storage: 15 }),
    rec("consumption_at_history_15", "m3", "volume", 0x13, { storage: 16 }),
    rec("consumption_at_history_2", "m3", "volume", 0x13, { storage: 3 }),
    rec("consumption_at_history_3", "m3", "volume", 0x13, { storage: 4 }),
    rec("consumption_at_history_5", "m3", "volume", 0x13, { storage: 6 }),
    rec("consumption_at_history_6", "m3", "volume", 0x13, { storage: 7 }),
    rec("consumption_at_history_7", "m3", "volume", 0x13, { storage: 8 }),
    rec("consumption_at_history_9", "m3", "volume", 0x13, { storage: 1 }),
  ],
  payload: [],
  golden: [
    {
      hex: "2E44FA129999551100077A070020252F2F046D0F28C22404139540000002FD17000001FD481D2F2F2F2F2F2F2F2F2F",
      source: CORPUS_FILE,
      expect: { total_m3: 16.533, battery_v: 2.9 },
    },
    {
      hex: "3944FA122162092002067A3604202567C94D48D00DC47B11213E23383DB51968A705AAFA60C60E263D50CD259D7C9A03FD0C08000002FD0B0011",
      key: "BEDB81B52C29B5C143388CBB0D15A051",
      source: CORPUS_FILE,
      expect: { total_m3: 0.106, total_backwards_m3: 0 },
    },
    {
      hex: "9644FA126051062000077A78000020046D392DD7290413901A000002FD17000001FD481D426CBF2C4413D312000084011399190000C40113841800008402130C180000C40213EC16000084031395150000C40313E3140000840413BD130000C404134C130000840513D3120000C4051322120000840613AF110000C4061397100000840713D00F0000C40713890E0000840813980C0000",
      source: CORPUS_FILE,
      expect: {
        battery_v: 2.9,
        consumption_at_history_10_m3: 4.642,
        consumption_at_history_11_m3: 4.527,
        consumption_at_history_12_m3: 4.247,
        consumption_at_history_13_m3: 4.048,
        consumption_at_history_14_m3: 3.721,
        consumption_at_history_15_m3: 3.224,
        consumption_at_history_1_m3: 6.553,
        consumption_at_history_2_m3: 6.276,
        consumption_at_history_3_m3: 6.156,
        consumption_at_history_4_m3: 5.868,
        consumption_at_history_5_m3: 5.525,
        consumption_at_history_6_m3: 5.347,
        consumption_at_history_7_m3: 5.053,
        consumption_at_history_8_m3: 4.94,
        consumption_at_history_9_m3: 4.819,
        consumption_at_set_date_m3: 4.819,
        total_m3: 6.8,
      },
    },
  ],
};
