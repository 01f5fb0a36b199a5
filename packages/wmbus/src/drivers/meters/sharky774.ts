// wmbusmeters driver "sharky774" (heat, manufacturer DME): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { POWER_KW } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_sharky774: WirelessDriver = {
  name: "sharky774",
  meter: "DME heat",
  source: CORPUS_SOURCE,
  match: { manufacturer: "DME", version: [65], medium: [0x04, 0x0c, 0x0d] },
  fields: [
    POWER_KW,
    rec("operating_time_in_error", "h", "operatingTime", 0x26, { vife: [0x18] }),
    rec("energy_at_set_date", "kwh", "energy", 0x06, { storage: 1 }),
    rec("total_cooling_consumption", "kwh", "energy", 0x06, { tariff: 1 }),
    rec("total_cooling_volume", "m3", "volume", 0x13, { tariff: 2 }),
    rec("cooling_at_set_date", "kwh", "energy", 0x06, { storage: 1, tariff: 1 }),
  ],
  payload: [],
  golden: [
    {
      hex: "3E44A5110564495841047A700030052F2F0C06846800000C13195364000B3B0400000C2B110100000A5A17050A5E76020AA61800004C0647630000426CBF25",
      source: CORPUS_FILE,
      expect: {
        total_energy_consumption_kwh: 6884,
        total_volume_m3: 645.319,
        volume_flow_m3h: 0.004,
        power_kw: 0.111,
        flow_temperature_c: 51.7,
        return_temperature_c: 27.6,
        operating_time_in_error_h: 0,
        energy_at_set_date_kwh: 6347,
      },
    },
    {
      hex: "3E44A51198381752410C7AA80030052F2F0C06105104000C13093835020B3B9401000C2B342600000A5A12060A5E91040AA61800004C0641460400426CFF21",
      source: CORPUS_FILE,
      expect: {
        total_energy_consumption_kwh: 45110,
        total_volume_m3: 2353.809,
        volume_flow_m3h: 0.194,
        power_kw: 2.634,
        flow_temperature_c: 61.2,
        return_temperature_c: 49.1,
        operating_time_in_error_h: 0,
        energy_at_set_date_kwh: 44641,
      },
    },
    {
      hex: "5E44A51139259471410D7A720050052F2F0C06742400008C1006000000000C13823522008C2013494400000B3B0000000C2B000000000A5A22030A5E91020AA61800004C0619130000CC100600000000426CDF252F2F2F2F2F2F2F2F2F2F2F",
      source: CORPUS_FILE,
      expect: {
        total_energy_consumption_kwh: 2474,
        total_cooling_consumption_kwh: 0,
        total_volume_m3: 223.582,
        total_cooling_volume_m3: 4.449,
        volume_flow_m3h: 0,
        power_kw: 0,
        flow_temperature_c: 32.2,
        return_temperature_c: 29.1,
        operating_time_in_error_h: 0,
        energy_at_set_date_kwh: 1319,
        cooling_at_set_date_kwh: 0,
      },
    },
  ],
};
