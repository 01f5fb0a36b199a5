// wmbusmeters driver "izar" (water, manufacturer SAP): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_izar: WirelessDriver = {
  name: "izar",
  meter: "SAP water",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "SAP",
    version: [188],
    medium: [1],
  },
  fields: [],
  payload: [
    {
      name: "total",
      unit: "m3",
      offset: 1,
      length: 4,
      coding: "uint",
      scale: 0.001,
    },
  ],
  golden: [
    {
      hex: "1344304CF3628920BC01A0712F03130CEB627A81",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 1248.146,
      },
    },
  ],
};
