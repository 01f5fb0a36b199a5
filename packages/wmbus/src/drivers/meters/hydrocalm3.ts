// wmbusmeters driver "hydrocalm3" (heat/cooling load, manufacturer BMT): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { TOTAL_HEATING_M3 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_hydrocalm3: WirelessDriver = {
  name: "hydrocalm3",
  meter: "BMT heat/cooling load",
  source: CORPUS_SOURCE,
  match: { manufacturer: "BMT", version: [11], medium: [0x0d] },
  fields: [
    rec("total_heating", "kwh", "energy", 0x0e),
    rec("total_cooling", "kwh", "energy", 0x0e, { index: 1 }),
    TOTAL_HEATING_M3,
    rec("total_cooling", "m3", "volume", 0x13, { index: 1 }),
    rec("c1_volume", "m3", "volume", 0x13, { index: 2 }),
    rec("c2_volume", "m3", "volume", 0x13, { index: 2 }),
    rec("supply_temperature", "c", "flowTemperature", 0x5a),
  ],
  payload: [],
  golden: [
    {
      hex: "8E44B409747372710B0D7A798080052F2F0C0E59600100046D1D36B9290C13679947000C0E000000000C13590000000C13000000000C13000000000A5A18020A5E11020F823D06003D06003D06003D0600140600620500480400E402001601000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000002F2F",
      source: CORPUS_FILE,
      expect: {
        total_heating_kwh: 4460.833333,
        total_cooling_kwh: 0,
        total_heating_m3: 479.967,
        total_cooling_m3: 0.059,
        c1_volume_m3: 0,
        c2_volume_m3: 0,
        supply_temperature_c: 21.8,
        return_temperature_c: 21.1,
      },
    },
  ],
};
