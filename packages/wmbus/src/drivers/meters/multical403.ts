// wmbusmeters driver "multical403" (cooling load volume at outlet, manufacturer KAM): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { KAMHEAT_FIELDS } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_multical403: WirelessDriver = {
  name: "multical403",
  meter: "KAM cooling load volume at outlet",
  source: CORPUS_SOURCE,
  match: { manufacturer: "KAM", version: [52], medium: [0x0a] },
  fields: [...KAMHEAT_FIELDS],
  payload: [],
  golden: [
    {
      hex: "5B442D2C02017878340A8D2096809C1320EF2B7934147ED72D0A0000FAFF000043180100CE9005000000000000000000EE000000BA06CB07E7FFFFFF00000000000000000000000092285F030000960D020000000000000000008128",
      source: CORPUS_FILE,
      expect: {
        forward_energy_m3c: 65530,
        max_power_kw: -2.5,
        return_energy_m3c: 71747,
        t1_temperature_c: 17.22,
        t2_temperature_c: 19.95,
        target_energy_kwh: 239.722222,
        target_volume_m3: 134.55,
        total_energy_consumption_kwh: 723.611111,
        total_volume_m3: 364.75,
        volume_flow_m3h: 0.238,
        target_volume_subunit1_m3: 0,
        target_volume_subunit2_m3: 0,
        total_volume_subunit1_m3: 0,
        total_volume_subunit2_m3: 0,
      },
    },
  ],
};
