// wmbusmeters driver "gwfwater" (bus/system component, manufacturer GWF): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_gwfwater: WirelessDriver = {
  name: "gwfwater",
  meter: "GWF bus/system component",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "GWF",
    version: [1, 60],
    medium: [14, 7],
  },
  fields: [
    {
      name: "actuality_duration",
      unit: "s",
      quantity: "actualityDuration",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "actualityDuration",
        vif: {
          table: "primary",
          code: 116,
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
  payload: [],
  golden: [
    {
      hex: "3144E61E31102220010E8C04F47ABE0420452F2F037410000004133E0000004413FFFFFFFF426CFFFF0F0120012F2F2F2F2F",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        actuality_duration_s: 16,
        target_m3: -0.001,
        total_m3: 0.062,
      },
    },
    {
      hex: "3944E61E46441510020E8C04427250076819E61E3C07B10020452F2F03748B05000413DC690D004413A4630D00426C213C02FD74B5140F0200E3",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        actuality_duration_s: 1419,
        target_m3: 877.476,
        total_m3: 879.068,
      },
    },
  ],
};
