// wmbusmeters driver "mkradio4a" (warm water, manufacturer HYD): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_mkradio4a: WirelessDriver = {
  name: "mkradio4a",
  meter: "HYD warm water",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "HYD",
    version: [254],
    medium: [6],
  },
  fields: [
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
          code: 21,
        },
        vife: [],
      },
    },
  ],
  payload: [],
  golden: [
    {
      hex: "4B44685036494600953772253895662423FE064E0030052F2F4315A10000426CBF2C0F542CF2DD8BEC869511B2DB8301C3ABA390FB4FDB6F1144DA1F3897DD55F2AD0D194F68510FF8FADFB9",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        target_m3: 16.1,
      },
    },
  ],
};
