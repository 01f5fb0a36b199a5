/**
 * Block check character (IEC 62056-21 clause 6.3.1 and 6.3.3): the XOR of every byte after the first
 * STX (or SOH) up to and including the ETX (or EOT) that ends the block.
 */
export function bcc(bytes: Uint8Array, from: number, toInclusive: number): number {
  let x = 0;
  for (let i = from; i <= toInclusive; i++) x ^= bytes[i] as number;
  return x;
}
