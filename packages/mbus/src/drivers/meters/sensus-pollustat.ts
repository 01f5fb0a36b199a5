// SEN_Pollustat: wired M-Bus driver (data only; see ../types.ts).
import { HEAT_STANDARD } from "../fieldsets/heat";
import { repeated, standard } from "../fieldsets/standard";
import type { MeterDriver } from "../types";

export const sensusPollustat: MeterDriver = {
  name: "sensus-pollustat",
  meter: "SEN_Pollustat",
  source:
    "corpus mbus/valid/SEN_Pollustat.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "SEN", version: 6, medium: 13 },
  fields: [
    standard("dateTime"),
    standard("dateTime", { function: "error" }),
    standard("onTime"),
    standard("operatingTime"),
    ...HEAT_STANDARD,
    repeated("volumeFlow", 2),
    repeated("volumeFlow", 3),
  ],
  golden: [
    {
      hex: "68 71 71 68 08 04 72 88 17 01 00 AE 4C 06 0D 3E 00 00 00 04 6D 3B 0E E7 14 34 6D 00 00 01 01 34 FD 17 00 00 00 04 04 20 92 22 F1 00 04 24 A4 1A E7 00 04 86 3B 97 9B 00 00 04 13 BE 09 5E 00 05 2E B1 D1 2E BE 05 3E F5 B8 4E 40 05 5B B8 2D F9 41 05 5F 78 8B F9 41 05 63 00 80 3B BD 04 BE 50 71 BB B0 00 04 BE 58 F4 02 00 00 0C 78 88 17 01 00 02 7F 10 B5 5D 16",
      source:
        "corpus mbus/valid/SEN_Pollustat.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        on_time_h: 4389.72944444,
        operating_time_h: 4207.12111111,
        total_energy_consumption_kwh: 39831,
        total_volume_m3: 6162.878,
        current_power_w: -170.721784,
        volume_flow_m3h: 3.230039,
        flow_temperature_c: 31.147324,
        return_temperature_c: 31.1931,
        flow_return_temperature_difference_c: -0.045776,
        volume_flow_2_m3h: 11582321,
        volume_flow_3_m3h: 756,
      },
    },
  ],
};
