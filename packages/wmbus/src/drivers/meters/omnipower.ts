// wmbusmeters driver "omnipower" (electricity, manufacturer KAM): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { CURRENT_POWER_CONSUMPTION_KW } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_omnipower: WirelessDriver = {
  name: "omnipower",
  meter: "KAM electricity",
  source: CORPUS_SOURCE,
  match: { manufacturer: "KAM", version: [48], medium: [0x02] },
  fields: [
    rec("total_energy_production", "kwh", "energy", 0x04, { vife: [0x3c] }),
    CURRENT_POWER_CONSUMPTION_KW,
    rec("current_power_production", "kw", "power", 0x2b, { vife: [0x3c] }),
  ],
  payload: [],
  golden: [
    {
      hex: "2D442D2C5768663230028D20E4E2C81C20878C7804041A03000004843C00000000042B0300000004AB3C00000000",
      source: CORPUS_FILE,
      expect: {
        total_energy_consumption_kwh: 7.94,
        total_energy_production_kwh: 0,
        current_power_consumption_kw: 0.003,
        current_power_production_kw: 0,
      },
    },
  ],
};
