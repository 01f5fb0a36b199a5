/**
 * EN 13757-2 link timing for the master (clause 5, transmission procedure after IEC 60870-5-2):
 * a slave starts its answer no earlier than 11 bit times and no later than 330 bit times + 50 ms after
 * the end of the request; a master that saw no valid answer in that window repeats the request (the same
 * FCB, so the slave sends the same telegram again) up to twice before it gives up on the slave.
 */

/** Bits per character on the wire: start + 8 data + parity + stop (8E1). */
export const BITS_PER_CHAR = 11;
/** Longest M-Bus frame: 68 L L 68 + 255 bytes (C..data) + CS 16. */
export const MAX_FRAME_BYTES = 261;

/** The window in which a slave must start its answer: 330 bit times + 50 ms. */
export function answerWindowMs(baud: number): number {
  return (330 / baud) * 1000 + 50;
}

/** Time to transmit `bytes` characters at `baud`. */
export function transmitMs(baud: number, bytes: number): number {
  return ((bytes * BITS_PER_CHAR) / baud) * 1000;
}

/**
 * How long the master waits for a complete answer: the answer window, plus the longest frame's
 * transmission time (E5 single characters arrive at once; long frames take up to 1.2 s at 2400 baud),
 * plus a margin for gateways and USB adapters that add latency.
 */
export function answerTimeoutMs(baud: number, marginMs: number, expectLong = true): number {
  return Math.ceil(answerWindowMs(baud) + transmitMs(baud, expectLong ? MAX_FRAME_BYTES : 1) + marginMs);
}
