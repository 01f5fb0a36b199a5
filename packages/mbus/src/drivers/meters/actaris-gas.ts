// Actaris (Itron) gas meter with wired M-Bus, version 0x14: customer id and battery time as plain-text VIFs.
import type { MeterDriver } from "../types";

const SRC =
  "https://gitea.hottis.de/wn/homepage/raw/commit/54a933c83a4cf779b0933e38a0e4bc8d7f3ef113/posts/2013-09-11.01/article.html ('M-Bus Master, Part 4 (Gas)', 2013-09-11: a real meter's RSP_UD with the author's byte-by-byte table)";

export const actarisGas: MeterDriver = {
  name: "actaris-gas",
  meter: "Actaris (Itron) gas meter, M-Bus version 0x14",
  source: `${SRC}; the table names VIF 0x13 volume (10^-3 m3) at storage 0 and 1, and the plain-text records "cust. ID" and "bat. time"`,
  match: { manufacturer: "ACW", version: 0x14, medium: 3 },
  fields: [
    { name: "total", unit: "m3", quantity: "volume", from: { storage: 0, quantity: "volume", vife: [] } },
    { name: "target", unit: "m3", quantity: "volume", from: { storage: 1, quantity: "volume" } },
    { name: "meter_datetime", unit: "datetime", quantity: "dateTime", from: { quantity: "dateTime" } },
    { name: "customer_id", unit: "text", quantity: "customerId", from: { plainText: "cust. ID" } },
    // the post gives no unit for the battery time
    { name: "battery_time", unit: "counter", quantity: "batteryTime", from: { plainText: "bat. time" } },
    {
      name: "fabrication_no",
      unit: "text",
      quantity: "fabricationNumber",
      from: { quantity: "fabricationNumber" },
    },
  ],
  golden: [
    {
      hex: "68 56 56 68 08 40 72 43 60 52 00 77 04 14 03 CA 10 00 00 0C 78 76 03 01 10 0D 7C 08 44 49 20 2E 74 73 75 63 0A 30 30 30 30 30 30 30 30 30 30 04 6D 38 15 AA 19 02 7C 09 65 6D 69 74 20 2E 74 61 62 22 0C 04 13 C1 0E 00 00 04 93 7F 4E 01 00 00 44 13 5D 08 00 00 0F 01 00 1F DE 16",
      source: `${SRC}. Expected values computed by hand from the post's bytes: 04 13 C1 0E 00 00 = 0x0EC1 = 3777 x 10^-3 m3; 44 13 5D 08 00 00 = 0x085D = 2141 x 10^-3 m3 (storage 1); 04 6D 38 15 AA 19 (type F): minute 0x38 = 56, hour 0x15 = 21, day 0xAA & 0x1F = 10, month 0x19 & 0x0F = 9, year (0xAA >> 5) | ((0x19 & 0xF0) >> 1) = 5 | 8 = 13; 02 7C 09 "bat. time" 22 0C = 0x0C22 = 3106; 0C 78 76 03 01 10 = BCD 10010376`,
      expect: {
        total_m3: 3.777,
        target_m3: 2.141,
        meter_datetime: "2013-09-10T21:56",
        battery_time_counter: 3106,
        customer_id: "0000000000",
        fabrication_no: "10010376",
      },
    },
  ],
};
