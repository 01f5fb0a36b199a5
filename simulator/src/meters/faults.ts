/**
 * Faults on demand, applied to the bytes a meter puts on the bus: corrupted bytes (a flipped bit, the
 * checksum no longer matches), dropped bytes (a gap in the middle of a frame), collisions (two slaves
 * answering at once: on M-Bus a space (0) bit wins, so the line carries the bitwise AND of both).
 */

/** Flips bits of one byte in the middle of the first frame, so its checksum fails. */
export function corruptBytes(bytes: Uint8Array): Uint8Array {
  const out = Uint8Array.from(bytes);
  if (out.length === 0) return out;
  const at = Math.max(0, Math.min(out.length - 3, Math.max(7, Math.floor(Math.min(out.length, 200) / 2))));
  out[at] = out[at]! ^ 0x5a;
  return out;
}

/** Removes `n` bytes from the middle of the first frame (a receiver sees a frame shorter than its L). */
export function dropBytes(bytes: Uint8Array, n = 3): Uint8Array {
  const at = Math.min(bytes.length, Math.max(7, Math.floor(Math.min(bytes.length, 200) / 2)));
  const cut = Math.min(n, bytes.length - at);
  const out = new Uint8Array(bytes.length - cut);
  out.set(bytes.subarray(0, at), 0);
  out.set(bytes.subarray(at + cut), at);
  return out;
}

/** Two transmissions at once on M-Bus: the line shows the AND of both (space dominates), the longer tail as is. */
export function collide(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = Uint8Array.from(a.length >= b.length ? a : b);
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) out[i] = a[i]! & b[i]!;
  return out;
}

/** Bytes that contain no frame start (no 0x10, 0x68, 0xE5, 0x7E), to put between frames. */
export function garbageBytes(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    let b = x & 0xff;
    if (b === 0x10 || b === 0x68 || b === 0xe5 || b === 0x7e) b = 0x00;
    out[i] = b;
  }
  return out;
}
