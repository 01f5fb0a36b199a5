// wmbusmeters driver "elf2" (heat/cooling load, manufacturer APA): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_elf2: WirelessDriver = {
  name: "elf2",
  meter: "APA heat/cooling load",
  source: CORPUS_SOURCE,
  match: { manufacturer: "APA", version: [66], medium: [0x0d] },
  fields: [
    rec("current_power", "kw", "power", 0x2d),
    rec("current_volume_flow", "m3h", "volumeFlow", 0x3b),
    rec("input1_volume", "m3", "volume", 0x13, { tariff: 1 }),
    rec("input2_volume", "m3", "volume", 0x13, { tariff: 1 }),
    rec("t1_temperature", "c", "flowTemperature", 0x5a),
    rec("t2_temperature", "c", "returnTemperature", 0x5e),
    rec("total_energy", "kwh", "energy", 0x06),
    rec("total_energy_cooling", "kwh", "energy", 0x06, { subunit: 1 }),
    rec("total_energy_cooling_period", "kwh", "energy", 0x06, { subunit: 1 }),
    rec("total_energy_period", "kwh", "energy", 0x06, { storage: 1 }),
    rec("total_volume_cooling", "m3", "volume", 0x13, { subunit: 1 }),
  ],
  payload: [],
  golden: [
    {
      hex: "6E44010670112724420D7A35006025B2F96D0306197B34C7E4E6F45F434FCB78BCBBE8837A2C253BEC3E958B3BBBFBE6AE465214941AF544237DB8A69E6C4CE8DFB7A1F64860200BB2E995F1A4F501E7702E0A581576F60B58CBDA39E1F150F29E04D689C38FD6C430ABD05DD789E0",
      key: "ACA5769E7902B8A770A7118C11D5F0F6",
      source: CORPUS_FILE,
      expect: {
        current_power_kw: 0,
        current_volume_flow_m3h: 0,
        input1_volume_m3: 0.002,
        input2_volume_m3: 0.002,
        t1_temperature_c: 22.5,
        t2_temperature_c: 22.6,
        total_energy_kwh: 144,
        total_energy_cooling_kwh: 1,
        total_energy_cooling_period_kwh: 1,
        total_energy_period_kwh: 72,
        total_volume_m3: 17.856,
        total_volume_cooling_m3: 1.576,
      },
    },
  ],
};
