// wmbusmeters driver "amiplus" (electricity, manufacturer NES): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { AMIPLUS_APA_FIELDS } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_amiplus_nes: WirelessDriver = {
  name: "amiplus",
  meter: "NES electricity",
  source: CORPUS_SOURCE,
  match: { manufacturer: "NES", version: [3], medium: [0x02] },
  fields: [
    ...AMIPLUS_APA_FIELDS,
    rec("total_energy_consumption_tariff_1", "kwh", "energy", 0x03, { tariff: 1 }),
    rec("total_energy_consumption_tariff_2", "kwh", "energy", 0x03, { tariff: 2 }),
    rec("total_energy_production_tariff_1", "kwh", "energy", 0x03, { tariff: 3, vife: [0x3c] }),
    rec("voltage_at_phase_2", "v", "voltage", ["fd", 0x49], { vife: [0x7c, 0x02] }),
    rec("voltage_at_phase_3", "v", "voltage", ["fd", 0x49], { vife: [0x7c, 0x03] }),
  ],
  payload: [],
  golden: [
    {
      hex: "8F44B3382664080003027A090080052F2F066D37090E2232050C78266408000AFDC9FC0142020AFDC9FC0240020AFDC9FC0338028E30833C0000000000008E20833C0000000000008E10833C0000000000000BABC8FC100000008E10030750030000008E20035379060000008E30030000000000000B2B1307000BAB3C0000002F2F2F2F2F2F2F2F2F2F2F2F2F2F2F2F",
      source: CORPUS_FILE,
      expect: {
        current_power_consumption_kw: 0.713,
        current_power_production_kw: 0,
        total_energy_consumption_tariff_1_kwh: 35.007,
        total_energy_consumption_tariff_2_kwh: 67.953,
        total_energy_consumption_tariff_3_kwh: 0,
        total_energy_production_tariff_1_kwh: 0,
        total_energy_production_tariff_2_kwh: 0,
        total_energy_production_tariff_3_kwh: 0,
        voltage_at_phase_1_v: 242,
        voltage_at_phase_2_v: 240,
        voltage_at_phase_3_v: 238,
      },
    },
  ],
};
