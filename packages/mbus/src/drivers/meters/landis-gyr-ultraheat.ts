// Landis+Gyr Ultraheat (T550 / UH50) heat meter, wired M-Bus, version 4.
import type { MeterDriver } from "../types";

const SRC =
  "github:wmbusmeters/wmbusmeters src/driver_ultraheat.cc test block 'MyUltra ultraheat 70444600' (GPL-3.0; telegram and wmbusmeters' printed values, facts only)";
const NOW = { function: "instantaneous", storage: 0, tariff: 0, subunit: 0 } as const;

export const landisGyrUltraheat: MeterDriver = {
  name: "landis-gyr-ultraheat",
  meter: "Landis+Gyr Ultraheat heat meter",
  source: SRC,
  match: { manufacturer: "LUG", version: 4, medium: 4 },
  fields: [
    { name: "heat", unit: "kwh", quantity: "energy", from: { ...NOW, quantity: "energy" } },
    { name: "volume", unit: "m3", quantity: "volume", from: { ...NOW, quantity: "volume" } },
    { name: "power", unit: "kw", quantity: "power", from: { ...NOW, quantity: "power" } },
    { name: "flow", unit: "m3h", quantity: "volumeFlow", from: { ...NOW, quantity: "volumeFlow" } },
    { name: "flow", unit: "c", quantity: "flowTemperature", from: { ...NOW, quantity: "flowTemperature" } },
    {
      name: "return",
      unit: "c",
      quantity: "returnTemperature",
      from: { ...NOW, quantity: "returnTemperature" },
    },
    {
      name: "fabrication_no",
      unit: "text",
      quantity: "fabricationNumber",
      from: { quantity: "fabricationNumber" },
    },
  ],
  golden: [
    {
      hex: "68F8F86808007200464470A7320404270000000974040970040C0E082303000C14079519000B2D0500000B3B0808000A5B52000A5F51000A6206004C14061818004C0E490603000C7800464470891071609B102D020100DB102D0201009B103B6009009A105B78009A105F74000C22726701003C22000000007C2200000000426C01018C2006000000008C3006000000008C80100600000000CC200600000000CC300600000000CC801006000000009A115B64009A115F63009B113B5208009B112D020100BC0122000000008C010E490603008C2106000000008C3106000000008C811006000000008C011406181800046D310ACA210F21040010A0C116",
      source: `${SRC}; expected values: wmbusmeters' output`,
      expect: {
        heat_kwh: 8974.444444,
        volume_m3: 1995.07,
        power_kw: 0.5,
        flow_m3h: 0.808,
        flow_c: 52,
        return_c: 51,
        fabrication_no: "70444600",
      },
    },
  ],
};
