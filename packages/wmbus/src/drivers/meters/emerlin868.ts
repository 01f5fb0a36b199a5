// wmbusmeters driver "emerlin868" (radio converter (meter side), manufacturer ELR): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_emerlin868: WirelessDriver = {
  name: "emerlin868",
  meter: "ELR radio converter (meter side)",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "ELR",
    version: [17],
    medium: [55],
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
    {
      name: "target",
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
      hex: "2E4492159293949511377ABE0020252F2F04135515000004FD971D80800000441300000000426C000002FDFD02B300",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 5.461,
        target_m3: 0,
      },
    },
  ],
};
