// wmbusmeters driver "qualcosonic" (heat/cooling load, manufacturer AXI): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { POWER_KW, TOTAL_M3_VIF_13 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_qualcosonic: WirelessDriver = {
  name: "qualcosonic",
  meter: "AXI heat/cooling load",
  source: CORPUS_SOURCE,
  match: { manufacturer: "AXI", version: [11], medium: [0x0d] },
  fields: [
    rec("on_time", "h", "onTime", 0x20),
    TOTAL_M3_VIF_13,
    rec("total_heat_energy", "kwh", "energy", 0x06, { vife: [0x3b] }),
    rec("total_cooling_energy", "kwh", "energy", 0x06, { vife: [0x3c] }),
    POWER_KW,
    rec("target_heat_energy", "kwh", "energy", 0x06, { storage: 16, vife: [0x3b] }),
    rec("target_cooling_energy", "kwh", "energy", 0x06, { storage: 16, vife: [0x3c] }),
  ],
  payload: [],
  golden: [
    {
      hex: "76440907086401030B0D7A78000000046D030FB726346D0000010134FD170000000004200F13CF0104240F13CF0104863B0000000004863CDC0000000413B5150600042B86F1FFFF043B030200000259C002025D2C05026194FD0C780864010384086D3B17BF258408863B000000008408863C0B000000",
      source: CORPUS_FILE,
      expect: {
        operating_time_h: 8430.013056,
        on_time_h: 8430.013056,
        total_m3: 398.773,
        flow_temperature_c: 7.04,
        return_temperature_c: 13.24,
        flow_return_temperature_difference_c: -6.2,
        volume_flow_m3h: 0.515,
        total_heat_energy_kwh: 0,
        total_cooling_energy_kwh: 220,
        power_kw: -3.706,
        target_heat_energy_kwh: 0,
        target_cooling_energy_kwh: 11,
      },
    },
  ],
};
