// wmbusmeters driver "qwater" (warm water, manufacturer QDS): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { bytes, rec, sel } from "../fieldsets/records";
import { TOTAL_M3_VIF_13 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

/** The record whose data several payload fields read. */
const RECORD_1 = sel("manufacturerSpecific", ["manufacturer", 0x5f]);

export const wm_qwater: WirelessDriver = {
  name: "qwater",
  meter: "QDS warm water (also wmbusmeters' qwaterv2)",
  source: CORPUS_SOURCE,
  match: { manufacturer: "QDS", version: [26, 29, 23, 53, 22, 24], medium: [0x06, 0x07, 0x37] },
  fields: [
    rec("due_17_date", "m3", "volume", 0x13, { storage: 17 }),
    rec("due_date", "m3", "volume", 0x13, { storage: 1 }),
    TOTAL_M3_VIF_13,
    rec("target", "m3", "volume", 0x13, { storage: 17 }),
    rec("target_year", "m3", "volume", 0x13, { storage: 1 }),
  ],
  payload: [
    bytes("due_17_date", "m3", 24, 4, "bcd", 0.001, RECORD_1),
    bytes("due_date", "m3", 18, 4, "bcd", 0.001, RECORD_1),
    bytes("total", "m3", 12, 4, "bcd", 0.001, RECORD_1),
    bytes("target", "m3", 24, 4, "bcd", 0.001, RECORD_1),
    bytes("target_year", "m3", 18, 4, "bcd", 0.001, RECORD_1),
    bytes("volume_delta_3", "m3", 30, 4, "uint", 0.001, RECORD_1),
    bytes("volume_delta_5", "m3", 4, 2, "bcd", 0.000001, RECORD_1),
    bytes("volume_delta_6", "m3", 36, 2, "uint", 0.001, RECORD_1),
    bytes("volume_delta_7", "m3", 4, 3, "bcd", 0.000001, RECORD_1),
    bytes("volume_delta_8", "m3", 40, 2, "uint", 0.001, RECORD_1),
    bytes("volume_delta_9", "m3", 42, 2, "uint", 0.001, RECORD_1),
    bytes("volume_delta_10", "m3", 44, 2, "uint", 0.001, RECORD_1),
    bytes("volume_delta_11", "m3", 35, 3, "bcd", 0.00001, RECORD_1),
    bytes("volume_delta_12", "m3", 48, 2, "uint", 0.001, RECORD_1),
    bytes("volume_delta_13", "m3", 19, 3, "uint", 0.001, RECORD_1),
  ],
  golden: [
    {
      hex: "39449344411410601A067ADB0000200C13780000004C1300000000426CFFFFCC081335000000C2086C3F3502BB560000326CFFFF046D14173136",
      source: CORPUS_FILE,
      expect: { due_17_date_m3: 0.035, due_date_m3: 0, total_m3: 0.078, volume_flow_m3h: 0 },
    },
    {
      hex: "39449344893111601A077A580000200C13200300004C1300000000426CFFFFCC081334000000C2086C3F3502BB560000326CFFFF046D13173136",
      source: CORPUS_FILE,
      expect: { due_17_date_m3: 0.034, due_date_m3: 0, total_m3: 0.32, volume_flow_m3h: 0 },
    },
    {
      hex: "49449344153119611D06780DFF5F350082EC0000F10007C113FFFF69000000FFFF000000005F31680000000080008000800080008000800080008000800080008006002F046D1C0A4132",
      source: CORPUS_FILE,
      expect: { due_17_date_m3: 0.068, due_date_m3: 0, total_m3: 0.069 },
    },
    {
      hex: "49449344954933131706780DFF5F3500823A0000600107C113FFFF29970300FF2C580303001E3B269703000A006500750073005B0070007D0061005B004200160000002F046D1E0F113C",
      source: CORPUS_FILE,
      expect: { due_17_date_m3: 39.726, due_date_m3: 30.358, total_m3: 39.729 },
    },
    {
      hex: "5344934449264337353778077949264337934435070DFF5F350082560000110007C113FFFF245300001F3C210400003E348946000000800080008000800080008000002A0066005F00730072002F046D000F3235",
      source: CORPUS_FILE,
      expect: { due_17_date_m3: 4.689, due_date_m3: 0.421, total_m3: 5.324 },
    },
    {
      hex: "394493449068171316077A0B0000200C13358612004C1307851200426CDF2CCC081307851200C2086CDF2C02BB560000326CFFFF046D3014E121",
      source: CORPUS_FILE,
      expect: { target_m3: 128.507, target_year_m3: 128.507, total_m3: 128.635, volume_flow_m3h: 0 },
    },
    {
      hex: "3B4493444836351218067AC70000200C13911900004C1391170000426CBF2CCC081391170000C2086CBF2C02BB560000326CFFFF046D1E02DE21FED0",
      source: CORPUS_FILE,
      expect: { target_m3: 1.791, target_year_m3: 1.791, total_m3: 1.991, volume_flow_m3h: 0 },
    },
    {
      hex: "3C449344682268363537726666666693443507720000200C13670512004C1361100300426CBF2CCC081344501100C2086CDF28326CFFFF046D0813CF29",
      source: CORPUS_FILE,
      expect: { target_m3: 115.044, target_year_m3: 31.061, total_m3: 120.567 },
    },
    {
      hex: "4B449344483635121806780DFF5F350082DA0000600107C113FFFF48200000BF2C91170000DF2120200000008001000000060019001000160018000D001300350017002F046D370CC422C759",
      source: CORPUS_FILE,
      expect: {
        target_m3: 2.02,
        target_year_m3: 1.791,
        total_m3: 2.048,
        volume_delta_3_m3: 0.001,
        volume_delta_5_m3: 0.006,
        volume_delta_6_m3: 0.025,
        volume_delta_7_m3: 0.016,
        volume_delta_8_m3: 0.022,
        volume_delta_9_m3: 0.024,
        volume_delta_10_m3: 0.013,
        volume_delta_11_m3: 0.019,
        volume_delta_12_m3: 0.053,
        volume_delta_13_m3: 0.023,
      },
    },
  ],
};
