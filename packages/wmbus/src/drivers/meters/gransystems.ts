// wmbusmeters driver "gransystems" (electricity, manufacturer GSS): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_gransystems: WirelessDriver = {
  name: "gransystems",
  meter: "GSS electricity",
  source: CORPUS_SOURCE,
  match: { manufacturer: "GSS", version: [1], medium: [0x02] },
  fields: [
    rec("total_energy_consumption_tariff_3", "kwh", "energy", 0x03, { tariff: 3 }),
    rec("target_energy_consumption", "kwh", "energy", 0x03, { storage: 2 }),
    rec("target_energy_consumption_tariff_2", "kwh", "energy", 0x03, { storage: 2, tariff: 2 }),
    rec("target_energy_consumption_tariff_4", "kwh", "energy", 0x03, { storage: 2, tariff: 3 }),
    rec("target_energy_consumption_tariff_3", "kwh", "energy", 0x03, { storage: 2, tariff: 3 }),
    rec("target_energy_consumption_tariff_1", "kwh", "energy", 0x03, { storage: 2, tariff: 1 }),
    rec("voltage_at_phase_1", "v", "voltage", ["fd", 0x48]),
    rec("voltage_at_phase_1", "v", "voltage", ["fd", 0x48], { subunit: 1 }),
    rec("current_at_phase_1", "a", "current", ["fd", 0x5b]),
    rec("current_at_phase_1", "a", "current", ["fd", 0x5b], { subunit: 1 }),
    rec("voltage_at_phase_2", "v", "voltage", ["fd", 0x48], { subunit: 2 }),
    rec("voltage_at_phase_3", "v", "voltage", ["fd", 0x48], { subunit: 2 }),
    rec("current_at_phase_2", "a", "current", ["fd", 0x5b], { subunit: 1 }),
    rec("current_at_phase_3", "a", "current", ["fd", 0x5b], { subunit: 1 }),
  ],
  payload: [],
  golden: [
    {
      hex: "7844731E78610418010278046D0F13BC21040394030000841003690300008420032B00000084300300000000848010030000000084016D0000BC2184010394030000841103690300008421032B00000084310300000000848110030000000004FD482E09000004FD5B0000000002FB2D861304FD1700000201",
      source: CORPUS_FILE,
      expect: {
        total_energy_consumption_kwh: 0.916,
        total_energy_consumption_tariff_4_kwh: 0,
        total_energy_consumption_tariff_2_kwh: 0.043,
        total_energy_consumption_tariff_3_kwh: 0,
        total_energy_consumption_tariff_1_kwh: 0.873,
        target_energy_consumption_kwh: 0.916,
        target_energy_consumption_tariff_2_kwh: 0.043,
        target_energy_consumption_tariff_4_kwh: 0,
        target_energy_consumption_tariff_3_kwh: 0,
        target_energy_consumption_tariff_1_kwh: 0.873,
        voltage_at_phase_1_v: 235,
        current_at_phase_1_a: 0,
        frequency_hz: 49.98,
      },
    },
    {
      hex: "9E44731E17011020010278046D0813BC21040300000000841003000000008420030000000084300300000000848010030000000084016D0000BC218401030000000084110300000000842103000000008431030000000084811003000000008440FD4825090000848040FD480000000084C040FD48000000008440FD5B00000000848040FD5B0000000084C040FD5B0000000002FB2D881304FD1702000101",
      source: CORPUS_FILE,
      expect: {
        total_energy_consumption_kwh: 0,
        total_energy_consumption_tariff_2_kwh: 0,
        total_energy_consumption_tariff_3_kwh: 0,
        total_energy_consumption_tariff_4_kwh: 0,
        total_energy_consumption_tariff_1_kwh: 0,
        target_energy_consumption_kwh: 0,
        target_energy_consumption_tariff_1_kwh: 0,
        target_energy_consumption_tariff_2_kwh: 0,
        target_energy_consumption_tariff_4_kwh: 0,
        target_energy_consumption_tariff_3_kwh: 0,
        voltage_at_phase_2_v: 0,
        voltage_at_phase_3_v: 0,
        voltage_at_phase_1_v: 234.1,
        current_at_phase_1_a: 0,
        current_at_phase_2_a: 0,
        current_at_phase_3_a: 0,
        frequency_hz: 50,
      },
    },
  ],
};
