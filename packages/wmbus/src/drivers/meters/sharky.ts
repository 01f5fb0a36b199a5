// wmbusmeters driver "sharky" (heat, manufacturer DME): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { POWER_KW } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_sharky: WirelessDriver = {
  name: "sharky",
  meter: "DME heat",
  source: CORPUS_SOURCE,
  match: { manufacturer: "DME", version: [64], medium: [0x04] },
  fields: [
    POWER_KW,
    rec("target_energy_consumption", "kwh", "energy", 0x0e, { storage: 5 }),
    rec("target_volume", "m3", "volume", 0x14, { storage: 5 }),
    rec("temperature_difference", "c", "temperatureDifference", 0x62),
    rec("total_energy_consumption_tariff1", "kwh", "energy", 0x0e, { tariff: 1 }),
  ],
  payload: [],
  golden: [
    {
      hex: "5E44A5115376916140047A0B0050052F2F0C0E829311008C100E000000000C14014938000C2B751400000B3B2902000A5A52070A5E95060A6256000A279015CC020E92831100CC021478113800C2026CDF2C2F2F2F2F2F2F2F2F2F2F2F2F2F",
      source: CORPUS_FILE,
      expect: {
        flow_temperature_c: 75.2,
        operating_time_h: 38160,
        power_kw: 1.475,
        return_temperature_c: 69.5,
        target_energy_consumption_kwh: 32886.666667,
        target_volume_m3: 3811.78,
        temperature_difference_c: 5.6,
        total_energy_consumption_kwh: 33161.666667,
        total_energy_consumption_tariff1_kwh: 0,
        total_volume_m3: 3849.01,
        volume_flow_m3h: 0.229,
      },
    },
  ],
};
