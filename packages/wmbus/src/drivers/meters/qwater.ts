// wmbusmeters driver "qwater" (warm water, manufacturer QDS): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_qwater: WirelessDriver = {
  name: "qwater",
  meter: "QDS warm water (also wmbusmeters' qwaterv2)",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "QDS",
    version: [26, 29, 23, 53, 22, 24],
    medium: [6, 7, 55],
  },
  fields: [
    {
      name: "due_17_date",
      unit: "m3",
      quantity: "volume",
      from: {
        function: "instantaneous",
        storage: 17,
        tariff: 0,
        subunit: 0,
        quantity: "volume",
        vif: {
          table: "primary",
          code: 19,
        },
        vife: [],
      },
    },
    {
      name: "due_date",
      unit: "m3",
      quantity: "volume",
      from: {
        function: "instantaneous",
        storage: 1,
        tariff: 0,
        subunit: 0,
        quantity: "volume",
        vif: {
          table: "primary",
          code: 19,
        },
        vife: [],
      },
    },
    {
      name: "total",
      unit: "m3",
      quantity: "volume",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "volume",
        vif: {
          table: "primary",
          code: 19,
        },
        vife: [],
      },
    },
    {
      name: "volume_flow",
      unit: "m3h",
      quantity: "volumeFlow",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "volumeFlow",
        vif: {
          table: "primary",
          code: 59,
        },
        vife: [86],
      },
    },
    {
      name: "target",
      unit: "m3",
      quantity: "volume",
      from: {
        function: "instantaneous",
        storage: 17,
        tariff: 0,
        subunit: 0,
        quantity: "volume",
        vif: {
          table: "primary",
          code: 19,
        },
        vife: [],
      },
    },
    {
      name: "target_year",
      unit: "m3",
      quantity: "volume",
      from: {
        function: "instantaneous",
        storage: 1,
        tariff: 0,
        subunit: 0,
        quantity: "volume",
        vif: {
          table: "primary",
          code: 19,
        },
        vife: [],
      },
    },
  ],
  payload: [],
  golden: [
    {
      hex: "39449344411410601A067ADB0000200C13780000004C1300000000426CFFFFCC081335000000C2086C3F3502BB560000326CFFFF046D14173136",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        due_17_date_m3: 0.035,
        due_date_m3: 0,
        total_m3: 0.078,
        volume_flow_m3h: 0,
      },
    },
    {
      hex: "39449344893111601A077A580000200C13200300004C1300000000426CFFFFCC081334000000C2086C3F3502BB560000326CFFFF046D13173136",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        due_17_date_m3: 0.034,
        due_date_m3: 0,
        total_m3: 0.32,
        volume_flow_m3h: 0,
      },
    },
    {
      hex: "49449344153119611D06780DFF5F350082EC0000F10007C113FFFF69000000FFFF000000005F31680000000080008000800080008000800080008000800080008006002F046D1C0A4132",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {},
    },
    {
      hex: "49449344954933131706780DFF5F3500823A0000600107C113FFFF29970300FF2C580303001E3B269703000A006500750073005B0070007D0061005B004200160000002F046D1E0F113C",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {},
    },
    {
      hex: "5344934449264337353778077949264337934435070DFF5F350082560000110007C113FFFF245300001F3C210400003E348946000000800080008000800080008000002A0066005F00730072002F046D000F3235",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {},
    },
    {
      hex: "394493449068171316077A0B0000200C13358612004C1307851200426CDF2CCC081307851200C2086CDF2C02BB560000326CFFFF046D3014E121",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        target_m3: 128.507,
        target_year_m3: 128.507,
        total_m3: 128.635,
        volume_flow_m3h: 0,
      },
    },
    {
      hex: "3B4493444836351218067AC70000200C13911900004C1391170000426CBF2CCC081391170000C2086CBF2C02BB560000326CFFFF046D1E02DE21FED0",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        target_m3: 1.791,
        target_year_m3: 1.791,
        total_m3: 1.991,
        volume_flow_m3h: 0,
      },
    },
    {
      hex: "3C449344682268363537726666666693443507720000200C13670512004C1361100300426CBF2CCC081344501100C2086CDF28326CFFFF046D0813CF29",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        target_m3: 115.044,
        target_year_m3: 31.061,
        total_m3: 120.567,
      },
    },
    {
      hex: "4B449344483635121806780DFF5F350082DA0000600107C113FFFF48200000BF2C91170000DF2120200000008001000000060019001000160018000D001300350017002F046D370CC422C759",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {},
    },
  ],
};
