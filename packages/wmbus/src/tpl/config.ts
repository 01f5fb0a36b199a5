/**
 * EN 13757-7:2018 clause 7.6 / OMS Vol. 2 clause 7.2.4: the configuration field (2 bytes, LSB first) of
 * the transport layer header, whose layout depends on the security mode in bits 12-8.
 *   mode 0 and 5: bit 15 bidirectional, 14 accessibility, 13 synchronous, 7-4 number of encrypted
 *     16-byte blocks, 3-2 content of telegram, 1-0 hop counter / repeated access.
 *   mode 7: as mode 5 in bits 15-4 and 3-0 (content, repeated access), plus one configuration field
 *     extension byte (bits 3-0 key version... kept raw) after it.
 *   mode 13: bits 7-0 number of encrypted bytes (TLS); one extension byte follows.
 */

export interface ConfigField {
  raw: number;
  mode: number;
  bidirectional: boolean;
  accessibility: boolean;
  synchronous: boolean;
  /** Encrypted blocks (modes 5, 7) or bytes (mode 13); 0 for mode 0. */
  encrypted: number;
  /** Configuration field extension (modes 7 and 13), else null. */
  extension: number | null;
  /** Bytes the field takes (2, or 3 with the extension). */
  length: number;
}

/** Modes that carry a configuration field extension byte. */
const WITH_EXTENSION = new Set([7, 13]);

/** Caller guarantees 2 bytes (3 for modes 7 and 13, see needsExtension). */
export function readConfig(b: Uint8Array, at: number): ConfigField {
  const raw = b[at]! | (b[at + 1]! << 8);
  const mode = (raw >> 8) & 0x1f;
  const ext = WITH_EXTENSION.has(mode);
  return {
    raw,
    mode,
    bidirectional: (raw & 0x8000) !== 0,
    accessibility: (raw & 0x4000) !== 0,
    synchronous: (raw & 0x2000) !== 0,
    encrypted: mode === 13 ? raw & 0xff : (raw >> 4) & 0x0f,
    extension: ext ? (b[at + 2] ?? 0) : null,
    length: ext ? 3 : 2,
  };
}

export function needsExtension(b: Uint8Array, at: number): boolean {
  return WITH_EXTENSION.has(b[at + 1]! & 0x1f);
}

/** Configuration field with security mode `mode` and `blocks` encrypted blocks (encoder). */
export function configFor(mode: number, blocks: number, flags = 0): number {
  return (flags & 0xe00f) | ((mode & 0x1f) << 8) | ((blocks & 0x0f) << 4);
}
