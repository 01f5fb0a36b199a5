// wmbusmeters driver "qheat_55_us" (heat, manufacturer LUG): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_qheat_55_us: WirelessDriver = {
  name: "qheat_55_us",
  meter: "LUG heat",
  source: CORPUS_SOURCE,
  match: { manufacturer: "LUG", version: [10], medium: [0x04] },
  fields: [
    rec("key_datetime", "kwh", "energy", 0x06, { storage: 1 }),
    rec("prev_1_month", "kwh", "energy", 0x06, { storage: 2 }),
    rec("prev_2_month", "kwh", "energy", 0x06, { storage: 3 }),
    rec("prev_3_month", "kwh", "energy", 0x06, { storage: 4 }),
    rec("prev_4_month", "kwh", "energy", 0x06, { storage: 5 }),
    rec("prev_5_month", "kwh", "energy", 0x06, { storage: 1 }),
    rec("prev_6_month", "kwh", "energy", 0x06, { storage: 7 }),
    rec("prev_7_month", "kwh", "energy", 0x06, { storage: 8 }),
    rec("prev_8_month", "kwh", "energy", 0x06, { storage: 9 }),
    rec("prev_9_month", "kwh", "energy", 0x06, { storage: 10 }),
    rec("prev_10_month", "kwh", "energy", 0x06, { storage: 11 }),
    rec("prev_11_month", "kwh", "energy", 0x06, { storage: 12 }),
    rec("prev_12_month", "kwh", "energy", 0x06, { storage: 13 }),
    rec("prev_13_month", "kwh", "energy", 0x06, { storage: 13 }),
    rec("actuality_duration", "h", "actualityDuration", 0x74),
    rec("time_without_measurement", "h", "onTime", 0x22, { function: "error" }),
  ],
  payload: [],
  golden: [
    {
      hex: "9644A732845483700A047AE70000200274FC00046D230BD3250C0605920000446D3B17BF2C4C068251000084016D3B17DE248C010605900000CC0106988500008C020629770000CC0206226600008C030682510000CC0306933600008C040602260000CC0406691800008C050633140000CC0506900900008C060618020000CC0606000000008C0706000000003C22000000000F001000",
      source: CORPUS_FILE,
      expect: {
        total_energy_consumption_kwh: 9205,
        key_datetime_kwh: 5182,
        prev_1_month_kwh: 9005,
        prev_2_month_kwh: 8598,
        prev_3_month_kwh: 7729,
        prev_4_month_kwh: 6622,
        prev_5_month_kwh: 5182,
        prev_6_month_kwh: 3693,
        prev_7_month_kwh: 2602,
        prev_8_month_kwh: 1869,
        prev_9_month_kwh: 1433,
        prev_10_month_kwh: 990,
        prev_11_month_kwh: 218,
        prev_12_month_kwh: 0,
        prev_13_month_kwh: 0,
        actuality_duration_h: 0.07,
        time_without_measurement_h: 0,
      },
    },
  ],
};
