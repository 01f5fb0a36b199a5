// wmbusmeters driver "amiplus" (electricity, manufacturer APA): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { AMIPLUS_APA_FIELDS } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_amiplus_apa: WirelessDriver = {
  name: "amiplus",
  meter: "APA electricity",
  source: CORPUS_SOURCE,
  match: { manufacturer: "APA", version: [2, 1], medium: [0x02] },
  fields: [
    ...AMIPLUS_APA_FIELDS,
    rec("total_energy_production", "kwh", "energy", 0x03, { vife: [0x3c] }),
    rec("total_energy_production_tariff_1", "kwh", "energy", 0x03, { tariff: 1, vife: [0x3c] }),
  ],
  payload: [],
  golden: [
    {
      hex: "4E4401061010101002027A000040052F2F0E035040691500000B2B300300066D00790C7423400C78371204860BABC8FC100000000E833C8074000000000BAB3C0000000AFDC9FC0136022F2F2F2F2F",
      source: CORPUS_FILE,
      expect: {
        total_energy_consumption_kwh: 15694.05,
        current_power_consumption_kw: 0.33,
        total_energy_production_kwh: 7.48,
        current_power_production_kw: 0,
        voltage_at_phase_1_v: 236,
      },
    },
    {
      hex: "7E4401068408095501027A7C1070052F2F066DDE5E150D39800C78840809550AFDC9FC0139028E30833C0000000000008E20833C0000000000008E10833C4301000000000BABC8FC100000008E10035336420200008E20030000000000008E30030000000000000B2B9502000BAB3C0000002F2F2F2F2F2F2F2F2F2F2F2F2F",
      source: CORPUS_FILE,
      expect: {
        current_power_consumption_kw: 0.295,
        current_power_production_kw: 0,
        total_energy_consumption_tariff_1_kwh: 2423.653,
        total_energy_consumption_tariff_2_kwh: 0,
        total_energy_consumption_tariff_3_kwh: 0,
        total_energy_production_tariff_1_kwh: 0.143,
        total_energy_production_tariff_2_kwh: 0,
        total_energy_production_tariff_3_kwh: 0,
        voltage_at_phase_1_v: 239,
      },
    },
  ],
};
