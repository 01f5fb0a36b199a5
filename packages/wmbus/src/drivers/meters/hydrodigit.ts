// wmbusmeters driver "hydrodigit" (water, manufacturer BMT): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_hydrodigit: WirelessDriver = {
  name: "hydrodigit",
  meter: "BMT water",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "BMT",
    version: [21, 19],
    medium: [7, 6],
  },
  fields: [
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
  ],
  payload: [
    {
      name: "backflow",
      unit: "m3",
      offset: 13,
      length: 2,
      coding: "bcd",
      scale: 0.001,
    },
    {
      name: "September_total",
      unit: "m3",
      offset: 30,
      length: 3,
      coding: "uint",
      scale: 0.01,
    },
  ],
  golden: [
    {
      hex: "2144B4099163742315077A400000000C1399999999046D092A30340F050B01000000",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 99999.999,
      },
    },
    {
      hex: "3044B4090123456713067A190020052F2F0C1315000000046D0136A7270F050B000000002F2F2F2F2F2F2F2F2F2F2F69E5",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 0.015,
      },
    },
    {
      hex: "4944B4092243658713077A7F0000000C1363020400046D242C12360F950A24042507000000A405006E0700850900CA0B004A0E00FFFFFFFFFFFF020000020000250000B3010095030000",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        September_total_m3: 0.02,
        backflow_m3: 0.007,
        total_m3: 40.263,
      },
    },
    {
      hex: "4E44B4098686868613077AF00040052F2F0C1366380000046D27287E2A0F150E00000000C10000D10000E60000FD00000C01002F0100410100540100680100890000A00000B30000002F2F2F2F2F2F",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        September_total_m3: 3.6,
        backflow_m3: 0,
        total_m3: 3.866,
      },
    },
  ],
};
