// wmbusmeters driver "engelmann-faw" (water, manufacturer EFE): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { bytes } from "../fieldsets/records";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_engelmann_faw: WirelessDriver = {
  name: "engelmann-faw",
  meter: "EFE water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "EFE", version: [0], medium: [0x07] },
  fields: [],
  payload: [
    bytes("consumption_at_reporting_date", "m3", 6, 4, "uint", 0.001),
    bytes("consumption_1_months_ago", "m3", 11, 4, "uint", 0.001),
    bytes("consumption_2_months_ago", "m3", 15, 4, "uint", 0.001),
    bytes("consumption_3_months_ago", "m3", 19, 4, "uint", 0.001),
    bytes("consumption_4_months_ago", "m3", 23, 4, "uint", 0.001),
    bytes("consumption_5_months_ago", "m3", 6, 4, "uint", 0.001),
    bytes("consumption_6_months_ago", "m3", 31, 4, "uint", 0.001),
    bytes("consumption_7_months_ago", "m3", 35, 4, "uint", 0.001),
    bytes("consumption_8_months_ago", "m3", 39, 4, "uint", 0.001),
    bytes("consumption_9_months_ago", "m3", 43, 4, "uint", 0.001),
    bytes("consumption_10_months_ago", "m3", 47, 4, "uint", 0.001),
    bytes("consumption_11_months_ago", "m3", 51, 4, "uint", 0.001),
    bytes("consumption_12_months_ago", "m3", 55, 4, "uint", 0.001),
    bytes("consumption_13_months_ago", "m3", 59, 4, "uint", 0.001),
    bytes("consumption_14_months_ago", "m3", 63, 4, "uint", 0.001),
    bytes("consumption_15_months_ago", "m3", 67, 4, "uint", 0.001),
    bytes("total", "m3", 75, 4, "uint", 0.001),
  ],
  golden: [
    {
      hex: "7644C5145528502202077320248622C5140007700060255F2AA2967EB77D0BF310341E3636D9ACC17CC5D69CE5632D7B494CC0718E2DBB916BBEC0C3FF2B0D6087FD0ABB3BA0779564CC089E4527987EF2221D26D7EA448CA59759ACFBEA4E5B0026EF463592B6668FBF680896E78B461DBB77C32903E0",
      key: "5CDB04C8EDFDC09EC49B5E76A24D4822",
      source: CORPUS_FILE,
      expect: {
        consumption_at_reporting_date_m3: 228.854,
        consumption_1_months_ago_m3: 252.159,
        consumption_2_months_ago_m3: 245.162,
        consumption_3_months_ago_m3: 239.697,
        consumption_4_months_ago_m3: 235.11,
        consumption_5_months_ago_m3: 228.854,
        consumption_6_months_ago_m3: 222.898,
        consumption_7_months_ago_m3: 218.216,
        consumption_8_months_ago_m3: 213.264,
        consumption_9_months_ago_m3: 207.555,
        consumption_10_months_ago_m3: 203.639,
        consumption_11_months_ago_m3: 195.67,
        consumption_12_months_ago_m3: 188.6,
        consumption_13_months_ago_m3: 184.596,
        consumption_14_months_ago_m3: 177.827,
        consumption_15_months_ago_m3: 172.538,
        total_m3: 253.409,
      },
    },
  ],
};
