// wmbusmeters driver "elvsense" (room sensor, manufacturer ELV): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_elvsense: WirelessDriver = {
  name: "elvsense",
  meter: "ELV room sensor",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "ELV",
    version: [80],
    medium: [27],
  },
  fields: [
    {
      name: "battery",
      unit: "v",
      quantity: "voltage",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "voltage",
        vif: {
          table: "fd",
          code: 70,
        },
        vife: [],
      },
    },
    {
      name: "temperature",
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
          code: 101,
        },
        vife: [],
      },
    },
    {
      name: "humidity",
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
      hex: "1844961557890080501B7AEA00012002656F0802FD46610E0F",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        battery_v: 3.681,
        temperature_c: 21.59,
      },
    },
    {
      hex: "2B44961558890080501B7AFF0010252F2F0265680802FD46630E02FB1A0700027C03324F4300010F2F2F2F2F",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        battery_v: 3.683,
        humidity_rh: 0.7,
        temperature_c: 21.52,
      },
    },
  ],
};
