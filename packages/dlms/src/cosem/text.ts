/** Octet strings are shown as text when every byte is printable ASCII (0x20..0x7E) and there is one. */
export function isPrintable(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x20 || b > 0x7e) return false;
  }
  return true;
}

export function latin1(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

const utf8 = new TextDecoder("utf-8", { fatal: false });

export function utf8Text(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}
