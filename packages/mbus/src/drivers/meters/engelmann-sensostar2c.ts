// Engelmann SensoStar 2C: wired M-Bus driver (data only; see ../types.ts).
import { repeated, standard } from "../fieldsets/standard";
import type { MeterDriver } from "../types";

export const engelmannSensostar2c: MeterDriver = {
  name: "engelmann-sensostar2c",
  meter: "Engelmann SensoStar 2C",
  source:
    "corpus mbus/valid/engelmann_sensostar2c.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "EFE", version: 1, medium: 4 },
  fields: [
    standard("fabricationNumber"),
    standard("dateTime"),
    standard("volume"),
    standard("energy"),
    standard("energy", { tariff: 2 }),
    standard("energy", { tariff: 3 }),
    standard("volumeFlow"),
    standard("power"),
    standard("flowTemperature"),
    standard("returnTemperature"),
    standard("temperatureDifference"),
    standard("operatingTime"),
    repeated("volume", 2),
  ],
  golden: [
    {
      hex: "68 A6 A6 68 08 03 72 10 00 38 10 C5 14 01 04 1E 00 00 00 04 78 EA 62 9E 00 04 6D 32 14 86 16 04 15 81 00 00 00 04 FB 00 08 00 00 00 84 20 FB 00 00 00 00 00 84 30 FB 00 00 00 00 00 04 3D 00 00 00 00 04 2D 00 00 00 00 02 5B 5F 00 02 5F 2B 00 04 61 8A 14 00 00 02 27 FA 01 01 FD 17 00 04 90 28 A0 86 01 00 42 6C 7F 1C 44 15 81 00 00 00 44 FB 00 08 00 00 00 C4 20 FB 00 00 00 00 00 C4 30 FB 00 00 00 00 00 82 01 6C 5F 1C 84 01 15 54 00 00 00 84 01 FB 00 05 00 00 00 84 21 FB 00 00 00 00 00 84 31 FB 00 00 00 00 00 B7 16",
      source:
        "corpus mbus/valid/engelmann_sensostar2c.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_volume_m3: 12.9,
        total_energy_consumption_kwh: 800,
        total_energy_consumption_tariff_2_kwh: 0,
        total_energy_consumption_tariff_3_kwh: 0,
        volume_flow_m3h: 0,
        current_power_w: 0,
        flow_temperature_c: 95,
        return_temperature_c: 43,
        flow_return_temperature_difference_c: 52.58,
        operating_time_h: 12144,
        total_volume_2_m3: 0.1,
        target_volume_m3: 12.9,
        target_energy_kwh: 800,
        target_energy_tariff_2_kwh: 0,
        target_energy_tariff_3_kwh: 0,
        total_volume_storage_2_m3: 8.4,
        total_energy_consumption_storage_2_kwh: 500,
        total_energy_consumption_storage_2_tariff_2_kwh: 0,
        total_energy_consumption_storage_2_tariff_3_kwh: 0,
      },
    },
  ],
};
