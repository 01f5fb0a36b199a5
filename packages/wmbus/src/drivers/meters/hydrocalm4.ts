// wmbusmeters driver "hydrocalm4" (heat/cooling load, manufacturer BMT): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { TOTAL_HEATING_M3 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_hydrocalm4: WirelessDriver = {
  name: "hydrocalm4",
  meter: "BMT heat/cooling load",
  source: CORPUS_SOURCE,
  match: { manufacturer: "BMT", version: [26], medium: [0x0d] },
  fields: [
    rec("total_cooling", "kwh", "energy", 0x03, { tariff: 1 }),
    rec("total_cooling", "m3", "volume", 0x13, { tariff: 1 }),
    rec("total_heating", "kwh", "energy", 0x03),
    TOTAL_HEATING_M3,
    rec("power", "kw", "power", 0x28),
    rec("supply_temperature", "c", "flowTemperature", 0x59),
  ],
  payload: [],
  golden: [
    {
      hex: "3A44B409381317051A0D8C00497A7A000000046D29AA153A0C03000000000C13000000008C1003050000008C1013040000000F6401000000000000",
      source: CORPUS_FILE,
      expect: {
        total_cooling_kwh: 0.005,
        total_cooling_m3: 0.004,
        total_heating_kwh: 0,
        total_heating_m3: 0,
      },
    },
    {
      hex: "3E44B409381317051A0D8C00497A7C000000046D2BAA153A0C03000000000C13000000000B3B0000000B280000000A5930230A5D08250F6402000000000000",
      source: CORPUS_FILE,
      expect: {
        power_kw: 0,
        return_temperature_c: 25.08,
        supply_temperature_c: 23.3,
        total_heating_kwh: 0,
        total_heating_m3: 0,
        volume_flow_m3h: 0,
      },
    },
  ],
};
