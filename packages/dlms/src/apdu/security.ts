/**
 * The security control byte (Green Book 9.2.7.2.3, "Security header"), read by its bits, never by
 * equality: bits 0-3 security suite id, bit 4 authentication, bit 5 encryption, bit 6 key set
 * (0 unicast, 1 broadcast), bit 7 compression.
 */
export interface SecurityControl {
  readonly byte: number;
  readonly suite: number;
  readonly authenticated: boolean;
  readonly encrypted: boolean;
  readonly broadcastKey: boolean;
  readonly compressed: boolean;
}

export const SC_BITS = {
  suiteMask: 0x0f,
  authenticated: 0x10,
  encrypted: 0x20,
  keySet: 0x40,
  compressed: 0x80,
} as const;

export function parseSecurityControl(byte: number): SecurityControl {
  return {
    byte,
    suite: byte & SC_BITS.suiteMask,
    authenticated: (byte & SC_BITS.authenticated) !== 0,
    encrypted: (byte & SC_BITS.encrypted) !== 0,
    broadcastKey: (byte & SC_BITS.keySet) !== 0,
    compressed: (byte & SC_BITS.compressed) !== 0,
  };
}

/** Suites 0 (AES-GCM-128), 1 and 2 (AES-GCM-128 with ECDH/ECDSA key handling) share the GCM cipher. */
export const GCM_SUITES: readonly number[] = [0, 1, 2];
