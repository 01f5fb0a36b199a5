// wmbusmeters driver "qheat" (heat, manufacturer QDS): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_qheat: WirelessDriver = {
  name: "qheat",
  meter: "QDS heat",
  source: CORPUS_SOURCE,
  match: { manufacturer: "QDS", version: [35, 70], medium: [0x04] },
  fields: [
    rec("last_month_energy_consumption", "kwh", "energy", 0x0d, { storage: 1 }),
    rec("last_month_energy_consumption", "kwh", "energy", 0x05, { storage: 17 }),
    rec("last_year_energy_consumption", "kwh", "energy", 0x05, { storage: 1 }),
    rec("last_year_energy_consumption", "kwh", "energy", 0x0d, { storage: 1 }),
  ],
  payload: [],
  golden: [
    {
      hex: "3C449344123456782337729876543293442304FE0000200C05682235004C0580253200426CDF2CCC080525153500C2086CFE24326CFFFF046D1811F225",
      source: CORPUS_FILE,
      expect: {
        total_energy_consumption_kwh: 35226.8,
        last_month_energy_consumption_kwh: 35152.5,
        last_year_energy_consumption_kwh: 32258,
      },
    },
    {
      hex: "41449344796550674637727965506793444604DC0000200C0D000000004C0D00000000426CFFFFCC080D00000000C2086CDF2802FD170000326CFFFF046D3A0DDB29",
      source: CORPUS_FILE,
      expect: {
        total_energy_consumption_kwh: 0,
        last_month_energy_consumption_kwh: 0,
        last_year_energy_consumption_kwh: 0,
      },
    },
  ],
};
