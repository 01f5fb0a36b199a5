/**
 * The meter id a ciphered push is known by without configuration, from its system title (Green Book
 * 9.2.4.8.1: the first three octets are the manufacturer's FLAG id, the other five its serial): the FLAG
 * letters and the serial in hex, else the whole title in hex; upper case. The reader's keys file and
 * `omdp decode --keys` name meters so.
 */
import { toHex } from "../hex";

export function meterIdFromSystemTitle(title: Uint8Array): string {
  const letters = String.fromCharCode(title[0] ?? 0, title[1] ?? 0, title[2] ?? 0);
  return title.length >= 3 && /^[A-Z]{3}$/.test(letters)
    ? `${letters}${toHex(title.subarray(3)).toUpperCase()}`
    : toHex(title).toUpperCase();
}
