// wmbusmeters driver "munia" (room sensor, manufacturer WEP): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_munia: WirelessDriver = {
  name: "munia",
  meter: "WEP room sensor",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "WEP",
    version: [2],
    medium: [27],
  },
  fields: [
    {
      name: "current_temperature",
      unit: "c",
      quantity: "externalTemperature",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "externalTemperature",
        vif: {
          table: "primary",
          code: 102,
        },
        vife: [],
      },
    },
    {
      name: "current_relative_humidity",
      unit: "rh",
      quantity: "relativeHumidity",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "relativeHumidity",
        vif: {
          table: "fb",
          code: 26,
        },
        vife: [],
      },
    },
  ],
  payload: [],
  golden: [
    {
      hex: "2E44B05C82340100021B7A460000002F2F0A6601020AFB1A570602FD971D00002F2F2F2F2F2F2F2F2F2F2F2F2F2F2F",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        current_temperature_c: 20.1,
        current_relative_humidity_rh: 65.7,
      },
    },
  ],
};
