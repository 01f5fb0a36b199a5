// EDC: wired M-Bus driver (data only; see ../types.ts).
import { repeated, standard } from "../fieldsets/standard";
import type { MeterDriver } from "../types";

export const edcHeat: MeterDriver = {
  name: "edc-heat",
  meter: "EDC",
  source:
    "corpus mbus/valid/EDC.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "EDC", version: 2, medium: 4 },
  fields: [
    standard("energy"),
    repeated("energy", 2),
    standard("energy", { subunit: 1 }),
    repeated("energy", 2, { subunit: 1 }),
  ],
  golden: [
    {
      hex: "68 AE AE 68 28 01 72 95 08 12 11 83 14 02 04 17 00 00 00 84 00 86 3B 23 00 00 00 84 00 86 3C D1 01 00 00 84 40 86 3B 00 00 00 00 84 40 86 3C 00 00 00 00 85 00 5B 2B 4B AC 41 85 00 5F 20 D7 AC 41 85 40 5B 00 00 B8 42 85 40 5F 00 00 B8 42 85 00 3B 84 00 35 3F 85 40 3B 00 00 00 00 95 00 3B 95 CF B2 43 95 40 3B 00 00 00 00 85 00 2B 00 00 00 00 85 40 2B 00 00 00 00 95 00 2B D3 9F 90 46 95 40 2B 00 00 00 00 04 6D 19 0F 8A 17 84 00 7C 01 43 F3 0D 00 00 84 40 7C 01 43 9D 01 00 00 84 00 7C 01 63 01 00 00 00 84 40 7C 01 63 01 00 00 00 0F 2F 16",
      source:
        "corpus mbus/valid/EDC.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_energy_consumption_kwh: 35,
        total_energy_consumption_2_kwh: 465,
        total_energy_consumption_subunit_1_kwh: 0,
        total_energy_consumption_subunit_1_2_kwh: 0,
        flow_temperature_c: 21.536703,
        return_temperature_c: 21.605042,
        flow_temperature_subunit_1_c: 92,
        return_temperature_subunit_1_c: 92,
        volume_flow_m3h: 0.000707,
        volume_flow_subunit_1_m3h: 0,
        max_volume_flow_m3h: 0.357622,
        max_volume_flow_subunit_1_m3h: 0,
        current_power_w: 0,
        current_power_subunit_1_w: 0,
        max_current_power_w: 18511.912109,
        max_current_power_subunit_1_w: 0,
      },
    },
  ],
};
