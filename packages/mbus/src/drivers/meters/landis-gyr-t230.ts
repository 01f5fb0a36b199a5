// Landis & Gyr Ultraheat T230: wired M-Bus driver (data only; see ../types.ts).
import { HEAT_STANDARD } from "../fieldsets/heat";
import { repeated, standard } from "../fieldsets/standard";
import type { MeterDriver } from "../types";

export const landisGyrT230: MeterDriver = {
  name: "landis-gyr-t230",
  meter: "Landis & Gyr Ultraheat T230",
  source:
    "corpus mbus/valid/landis+gyr_ultraheat_t230.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "LUG", version: 7, medium: 4 },
  fields: [
    ...HEAT_STANDARD,
    standard("fabricationNumber"),
    standard("onTime", { function: "error" }),
    standard("onTime"),
    standard("operatingTime"),
    standard("energy", { tariff: 5 }),
    standard("power", { function: "maximum", tariff: 1 }),
    standard("volumeFlow", { function: "maximum", tariff: 1 }),
    standard("flowTemperature", { function: "maximum", tariff: 1 }),
    standard("returnTemperature", { function: "maximum", tariff: 1 }),
    repeated("power", 2, { function: "maximum", tariff: 1 }),
    repeated("volumeFlow", 2, { function: "maximum", tariff: 1 }),
    repeated("flowTemperature", 2, { function: "maximum", tariff: 1 }),
    repeated("returnTemperature", 2, { function: "maximum", tariff: 1 }),
  ],
  golden: [
    {
      hex: "68 E2 E2 68 08 00 72 05 02 66 66 A7 32 07 04 01 10 00 00 09 74 04 09 70 08 0C 06 00 00 00 00 0C 14 00 00 00 00 0B 2D 00 00 00 0B 3B 00 00 00 0B 5A 95 01 00 0B 5E 97 01 00 0B 62 02 00 F0 0C 78 05 02 66 66 89 10 71 07 3C 22 69 37 00 00 0C 22 69 37 00 00 0C 26 00 00 00 00 8C 90 10 06 00 00 00 00 9B 10 2D 00 00 00 9B 10 3B 00 00 00 9B 10 5A 07 03 00 9B 10 5E 07 05 00 94 10 AD 6F 00 00 00 00 94 10 BB 6F 00 00 00 00 94 10 DA 6F 32 14 7A 18 94 10 DE 6F 2B 0B 69 18 4C 06 00 00 00 00 4C 14 00 00 00 00 7C 22 69 34 00 00 4C 26 00 00 00 00 CC 90 10 06 00 00 00 00 DB 10 2D 00 00 00 DB 10 3B 00 00 00 DB 10 5A 07 03 00 DB 10 5E 07 05 00 84 8F 0F 6D 00 00 E1 F1 04 6D 04 0C 8D 11 0F 09 07 00 66 01 7D 16",
      source:
        "corpus mbus/valid/landis+gyr_ultraheat_t230.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_energy_consumption_kwh: 0,
        total_volume_m3: 0,
        current_power_w: 0,
        volume_flow_m3h: 0,
        flow_temperature_c: 19.5,
        return_temperature_c: 19.7,
        flow_return_temperature_difference_c: -0.2,
        at_error_on_time_h: 3769,
        on_time_h: 3769,
        operating_time_h: 0,
        total_energy_consumption_tariff_5_kwh: 0,
        max_current_power_tariff_1_w: 0,
        max_volume_flow_tariff_1_m3h: 0,
        max_flow_temperature_tariff_1_c: 30.7,
        max_return_temperature_tariff_1_c: 50.7,
        max_current_power_tariff_1_2_w: 0,
        max_volume_flow_tariff_1_2_m3h: 0,
        max_flow_temperature_tariff_1_2_c: 41065374.6,
        max_return_temperature_tariff_1_2_c: 40953732.3,
        target_energy_kwh: 0,
        target_volume_m3: 0,
        at_error_on_time_storage_1_h: 3469,
        operating_time_storage_1_h: 0,
        target_energy_tariff_5_kwh: 0,
        max_current_power_storage_1_tariff_1_w: 0,
        max_volume_flow_storage_1_tariff_1_m3h: 0,
        max_flow_temperature_storage_1_tariff_1_c: 30.7,
        max_return_temperature_storage_1_tariff_1_c: 50.7,
      },
    },
  ],
};
