// wmbusmeters driver "c5isf" (heat, manufacturer ZRI): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { bytes, rec, sel } from "../fieldsets/records";
import { POWER_KW_VIF_2D } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_c5isf: WirelessDriver = {
  name: "c5isf",
  meter: "ZRI heat",
  source: CORPUS_SOURCE,
  match: { manufacturer: "ZRI", version: [136], medium: [0x04, 0x0d] },
  fields: [
    rec("due_energy_consumption", "kwh", "energy", 0x06, { storage: 8 }),
    POWER_KW_VIF_2D,
    rec("prev_1_month", "kwh", "energy", 0x06, { storage: 32 }),
    rec("total_energy_consumption_last_month", "kwh", "energy", 0x06, { storage: 32 }),
    rec("prev_10_month", "kwh", "energy", 0x06, { storage: 33 }),
    rec("prev_11_month", "kwh", "energy", 0x06, { storage: 33 }),
    rec("prev_12_month", "kwh", "energy", 0x06, { storage: 33 }),
    rec("prev_13_month", "kwh", "energy", 0x06, { storage: 33 }),
    rec("prev_14_month", "kwh", "energy", 0x06, { storage: 33 }),
    rec("prev_2_month", "kwh", "energy", 0x06, { storage: 33 }),
    rec("prev_3_month", "kwh", "energy", 0x06, { storage: 33 }),
    rec("prev_4_month", "kwh", "energy", 0x06, { storage: 33 }),
    rec("prev_5_month", "kwh", "energy", 0x06, { storage: 33 }),
    rec("prev_6_month", "kwh", "energy", 0x06, { storage: 33 }),
    rec("prev_7_month", "kwh", "energy", 0x06, { storage: 33 }),
    rec("prev_8_month", "kwh", "energy", 0x06, { storage: 33 }),
    rec("prev_9_month", "kwh", "energy", 0x06, { storage: 33 }),
  ],
  payload: [
    bytes(
      "max_power_last_month",
      "kw",
      0,
      4,
      "uint",
      undefined,
      sel("power", 0x2e, { function: "maximum", storage: 32, vife: [0x25] }),
    ),
  ],
  golden: [
    {
      hex: "5E44496A4420003288047AFC0050052F2F0406D00E00000413B28A05008404060000000082046CC121043B00000000042D000000000259E719025D051402FD17000084800106C00C00008280016CC125948001AE25090000002F2F2F2F2F2F",
      source: CORPUS_FILE,
      expect: {
        due_energy_consumption_kwh: 0,
        flow_temperature_c: 66.31,
        max_power_last_month_kw: 9,
        power_kw: 0,
        prev_1_month_kwh: 3264,
        return_temperature_c: 51.25,
        total_energy_consumption_kwh: 3792,
        total_energy_consumption_last_month_kwh: 3264,
        total_volume_m3: 363.186,
        volume_flow_m3h: 0,
      },
    },
    {
      hex: "E544496A55554455880D7A320200002F2F04060000000004130000000002FD17240084800106000000008280016C2124C480010600000080C280016CFFFF84810106000000808281016CFFFFC481010600000080C281016CFFFF84820106000000808282016CFFFFC482010600000080C282016CFFFF84830106000000808283016CFFFFC483010600000080C283016CFFFF84840106000000808284016CFFFFC484010600000080C284016CFFFF84850106000000808285016CFFFFC485010600000080C285016CFFFF84860106000000808286016CFFFFC486010600000080C286016CFFFF",
      source: CORPUS_FILE,
      expect: {
        prev_10_month_kwh: -2147483648,
        prev_11_month_kwh: -2147483648,
        prev_12_month_kwh: -2147483648,
        prev_13_month_kwh: -2147483648,
        prev_14_month_kwh: -2147483648,
        prev_1_month_kwh: 0,
        prev_2_month_kwh: -2147483648,
        prev_3_month_kwh: -2147483648,
        prev_4_month_kwh: -2147483648,
        prev_5_month_kwh: -2147483648,
        prev_6_month_kwh: -2147483648,
        prev_7_month_kwh: -2147483648,
        prev_8_month_kwh: -2147483648,
        prev_9_month_kwh: -2147483648,
        total_energy_consumption_kwh: 0,
        total_energy_consumption_last_month_kwh: 0,
        total_volume_m3: 0,
      },
    },
  ],
};
