// Apator 16-2 water meter: hand-written wireless driver data (../types.ts). Its volume is not an EN 13757-3
// record but register 0x10 of the manufacturer data after DIF 0x0F: after a 7-byte header come registers of
// one id byte and data of a size fixed per id; register 0x10 holds the volume in litres (4 bytes, LSB first).
// The sizes below are those the corpus telegrams show before register 0x10 (0x03: 3, 0x43: 2, 0x44: 3,
// 0x71: 5, 0x80-0x84: 10, 0xA0: 4), read from the byte layout of the telegrams and wmbusmeters' values.
import type { WirelessDriver } from "../types";

const SIZES = { 3: 3, 67: 2, 68: 3, 113: 5, 128: 10, 129: 10, 130: 10, 131: 10, 132: 10, 160: 4 };

export const wm_apator162: WirelessDriver = {
  name: "apator162",
  meter: "APA Apator 16-2 water meter",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0) driver apator162 test telegrams and printed values, as copied in test/fixtures/wmbusmeters_wmbus.json (facts only)",
  match: { manufacturer: "APA", version: 0x05, medium: 0x07 },
  fields: [],
  payload: [
    {
      name: "total",
      unit: "m3",
      offset: 0,
      length: 4,
      coding: "uint",
      scale: 0.001,
      register: { id: 0x10, start: 7, sizes: SIZES },
    },
  ],
  golden: [
    {
      hex: "2E4401064052030205077A2D0020852F2F0F334DA39A00000071011ABF0D00039A0D00A01053850310CECC0D008943",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 904.398,
      },
    },
    {
      hex: "3E4401060403820305077A090030852F2F0F9B5B229700000044C2DED310A25500007201C64A0000853C000094310000A0464B1904FFFFFFFFFFFFFFFF2ED6",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 21.922,
      },
    },
    {
      hex: "4E4401062020202105077A130040852F2F0F6D4C389300020043840210351F040075012C0B040048D603003E630300CD2C03001EF402000ACE0200A098A39603FFFFFFFFFFFFFFFFFFFFFFFFFF1977",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 270.133,
      },
    },
    {
      hex: "4E4401062020202305077A9D0040852F2F0F81902C9300000010B82F010041555942BD2882004319027301BC2601005C180100CB0A0100DFF60000A0F56C2602FFFFFFFFFFFFFFFFFFFFFFFFFF5B7C",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 77.752,
      },
    },
    {
      hex: "4E4401062020202505077AEF0040852F2F0F07112294100200436103848B745953486C0910000010819202007501F1800200E5640200534A02003431020080150200D9000200A0DC939703FFFFA434",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 168.577,
      },
    },
    {
      hex: "4E4401068686140005077A350040852F2F0F005B599600000010AA66000041545A42850BD800437D037301C5500000564B00009E4600006A410000A01778EC03FFFFFFFFFFFFFFFFFFFFFFFFFFE393",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 26.282,
      },
    },
    {
      hex: "6E4401060336530005077A210060852F2F0F141F539A12000243EE0E84E3BDD9B6593A040500001082C800007C01B2C4000064C10000B3BD00000DB900000EB500009FB0000054AB0000EDA30000A39D0000BF980000E394000038900000488B0000A034CB8C04FFFFFFFFFFFFFA8A",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 51.33,
      },
    },
    {
      hex: "6E4401062020202605077AAC0060852F2F0F0C4442941A000043B50283000A549B4159029C290F10AB4400007B012C440000BE3E00008838000072340000493000009B2C00001D2C0000822B00007428000010250000B7200000261C0000A0A4D9A103FFFFFFFFFFFFFFFFFFFF7823",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 17.579,
      },
    },
    {
      hex: "6E4401062020202605077AAE0060852F2F0F0F4442941A000043B50281D87F57D87F570101000010AB4400007B012C440000BE3E00008838000072340000493000009B2C00001D2C0000822B00007428000010250000B7200000261C0000A0A4D9A103FFFFFFFFFFFFFFFFFFFF5F22",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 17.579,
      },
    },
    {
      hex: "704401060404040405077A0E0060852F2F0F766DFB96010000430600808F67DB8F67DB01010000102F1F01007B01000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000A05F5C1804FFFFFFFFFFFFFFFFFFFF26BCD649",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 73.519,
      },
    },
  ],
};
