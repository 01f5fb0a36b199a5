// wmbusmeters driver "izarv2" (water, manufacturer SAP): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_izarv2_sap: WirelessDriver = {
  name: "izarv2",
  meter: "SAP water",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "SAP",
    version: [12],
    medium: [4],
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
    {
      name: "target",
      unit: "m3",
      offset: 5,
      length: 4,
      coding: "uint",
      scale: 0.001,
    },
  ],
  golden: [
    {
      hex: "1944304C9C5824210C04A363140013716577EC59E8663AB0D31C",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 38.944,
        target_m3: 38.691,
      },
    },
  ],
};
