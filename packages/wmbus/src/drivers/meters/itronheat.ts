// wmbusmeters driver "itronheat" (heat, manufacturer ITW): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_itronheat: WirelessDriver = {
  name: "itronheat",
  meter: "ITW heat",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "ITW",
    version: [0],
    medium: [4],
  },
  fields: [
    {
      name: "total",
      unit: "kwh",
      quantity: "energy",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "energy",
        vif: {
          table: "primary",
          code: 6,
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
          code: 20,
        },
        vife: [],
      },
    },
  ],
  payload: [],
  golden: [
    {
      hex: "444497268504342300047AD00030A52F2F04062C0100000C1429270000066D2D130AE12B007406FEFEFEFE426C1F010D7FEB0E00000006040C995500372F2F0C7951622223",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_kwh: 300,
        total_m3: 27.29,
      },
    },
  ],
};
