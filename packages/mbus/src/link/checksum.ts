/** EN 13757-2 clause 5.4 (FT 1.2): the checksum is the arithmetic sum of C..data, modulo 256. */
export function checksum(bytes: Uint8Array, start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum += bytes[i]!;
  return sum & 0xff;
}
