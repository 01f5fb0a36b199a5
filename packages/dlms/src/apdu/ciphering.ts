import { createCipheriv, timingSafeEqual } from "node:crypto";
import { readLength } from "../axdr/length";
import { DlmsError } from "../errors";
import { concatBytes } from "../hex";
import { GCM_SUITES, parseSecurityControl, type SecurityControl } from "./security";
import { APDU_NAMES, APDU_TAG } from "./tags";

/**
 * Ciphered APDUs (Green Book 9.2.7.2 and 9.5):
 *   general-glo-ciphering [219] / general-ded-ciphering [220] ::= SEQUENCE {
 *     system-title OCTET STRING, ciphered-content OCTET STRING }
 *   general-ciphering [221] ::= SEQUENCE { transaction-id, originator-system-title, recipient-system-title,
 *     date-time, other-information (all OCTET STRING), key-info OPTIONAL, ciphered-content OCTET STRING }
 *   ciphered-content = security control (1) || invocation counter (4) || information [|| tag (12)]
 * AES-GCM (9.2.7.2.4): IV = system title (8) || invocation counter (4); AAD = SC || AK [|| information
 * when only authenticated]; the tag is truncated to 12 bytes. Encrypted-only content has no tag.
 */
export interface CipheredApdu {
  readonly tag: number;
  readonly name: string;
  readonly systemTitle: Uint8Array;
  readonly control: SecurityControl;
  readonly frameCounter: number;
  /** Ciphertext (or plaintext when not encrypted) without the tag. */
  readonly information: Uint8Array;
  readonly authTag?: Uint8Array;
  /** Offset of `information` in the input. */
  readonly informationOffset: number;
}

export const TAG_LENGTH = 12;

function octets(bytes: Uint8Array, p: number, field: string): { value: Uint8Array; next: number } {
  const { length, next } = readLength(bytes, p, `${field} length`);
  if (next + length > bytes.length) {
    throw new DlmsError("APDU_TRUNCATED", "apdu", `${field} cut off`, {
      offset: next,
      field,
      expected: length,
      actual: bytes.length - next,
    });
  }
  return { value: bytes.subarray(next, next + length), next: next + length };
}

/** Splits a ciphered APDU into its fields (no cryptography yet). Throws DlmsError. */
export function readCiphered(bytes: Uint8Array, p: number): CipheredApdu {
  const tag = bytes[p]!;
  let q = p + 1;
  let systemTitle: Uint8Array;
  if (tag === APDU_TAG.generalCiphering) {
    q = octets(bytes, q, "transaction-id").next;
    const orig = octets(bytes, q, "originator-system-title");
    systemTitle = orig.value;
    q = octets(bytes, orig.next, "recipient-system-title").next;
    q = octets(bytes, q, "date-time").next;
    q = octets(bytes, q, "other-information").next;
    // key-info OPTIONAL: only identified-key [0] (the configured global key) is supported here.
    const present = bytes[q];
    if (present === 0x01) {
      if (bytes[q + 1] !== 0x00) {
        throw new DlmsError(
          "SECURITY_UNSUPPORTED",
          "security",
          "general-ciphering key-info other than identified-key",
          {
            offset: q + 1,
            field: "key-info",
            expected: 0,
            actual: bytes[q + 1] ?? "end",
          },
        );
      }
      q += 3;
    } else if (present === 0x00) q += 1;
    else {
      throw new DlmsError("APDU_LENGTH", "apdu", "key-info presence flag", {
        offset: q,
        field: "key-info",
        expected: "0 or 1",
        actual: present ?? "end",
      });
    }
  } else {
    const st = octets(bytes, q, "system-title");
    systemTitle = st.value;
    q = st.next;
  }
  if (systemTitle.length !== 8) {
    throw new DlmsError("APDU_LENGTH", "apdu", "system title must be 8 bytes", {
      offset: p + 1,
      field: "system-title",
      expected: 8,
      actual: systemTitle.length,
    });
  }
  const { value: content, next } = octets(bytes, q, "ciphered-content");
  if (next !== bytes.length) {
    throw new DlmsError("APDU_TRAILING", "apdu", `${bytes.length - next} bytes after the ciphered content`, {
      offset: next,
      field: "ciphered-content",
      expected: bytes.length,
      actual: next,
    });
  }
  const contentOffset = next - content.length;
  if (content.length < 5) {
    throw new DlmsError("APDU_TRUNCATED", "apdu", "ciphered content shorter than its security header", {
      offset: contentOffset,
      field: "security header",
      expected: 5,
      actual: content.length,
    });
  }
  const control = parseSecurityControl(content[0]!);
  const frameCounter = ((content[1]! << 24) | (content[2]! << 16) | (content[3]! << 8) | content[4]!) >>> 0;
  let end = content.length;
  let authTag: Uint8Array | undefined;
  if (control.authenticated) {
    if (content.length < 5 + TAG_LENGTH) {
      throw new DlmsError("APDU_TRUNCATED", "apdu", "authenticated content without its 12-byte tag", {
        offset: contentOffset,
        field: "authentication tag",
        expected: 5 + TAG_LENGTH,
        actual: content.length,
      });
    }
    end -= TAG_LENGTH;
    authTag = content.subarray(end);
  }
  const base = {
    tag,
    name: APDU_NAMES[tag] ?? "ciphered",
    systemTitle,
    control,
    frameCounter,
    information: content.subarray(5, end),
    informationOffset: contentOffset + 5,
  };
  return authTag ? { ...base, authTag } : base;
}

export interface DecipherKeys {
  readonly key?: Uint8Array;
  readonly authKey?: Uint8Array;
  /** The meter's system title, for service-specific glo-/ded- APDUs, which do not carry it. */
  readonly systemTitle?: Uint8Array;
}

export interface Deciphered {
  readonly plaintext: Uint8Array;
  /** True only when the tag was checked with the authentication key and matched. */
  readonly tagVerified: boolean;
}

function keyLength(suite: number): number {
  return suite === 2 ? 32 : 16;
}

function gcmName(len: number): "aes-128-gcm" | "aes-256-gcm" {
  return len === 32 ? "aes-256-gcm" : "aes-128-gcm";
}

/** GCM's keystream for encrypted-only content: CTR mode from inc32(J0) = IV || 00000002 (SP 800-38D 7.1). */
function ctr(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  const counter = concatBytes([iv, Uint8Array.of(0, 0, 0, 2)]);
  const c = createCipheriv(key.length === 32 ? "aes-256-ctr" : "aes-128-ctr", key, counter);
  return concatBytes([c.update(data), c.final()]);
}

/** The 12-byte GCM tag over `plaintext` with `aad` (the cipher computes it while encrypting). */
export function gcmTag(key: Uint8Array, iv: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Uint8Array {
  const c = createCipheriv(gcmName(key.length), key, iv, { authTagLength: TAG_LENGTH });
  c.setAAD(aad);
  c.update(plaintext);
  c.final();
  return new Uint8Array(c.getAuthTag());
}

/** Decrypts and (with an authentication key) verifies. Throws DlmsError with codes that say what failed. */
export function decipher(c: CipheredApdu, keys: DecipherKeys): Deciphered {
  const { control } = c;
  if (control.compressed) {
    throw new DlmsError("SECURITY_UNSUPPORTED", "security", "compressed ciphered content is not supported", {
      offset: c.informationOffset - 5,
      field: "security control",
      actual: control.byte,
    });
  }
  if (!GCM_SUITES.includes(control.suite)) {
    throw new DlmsError(
      "SECURITY_UNSUPPORTED",
      "security",
      `security suite ${control.suite} is not supported`,
      {
        offset: c.informationOffset - 5,
        field: "security suite",
        expected: "0, 1 or 2",
        actual: control.suite,
      },
    );
  }
  const iv = concatBytes([c.systemTitle, counterBytes(c.frameCounter)]);
  const need = keyLength(control.suite);
  const checkKey = (k: Uint8Array | undefined, field: string): void => {
    if (k && k.length !== need) {
      throw new DlmsError("KEY_INVALID", "security", `${field} must be ${need} bytes`, {
        field,
        expected: need,
        actual: k.length,
      });
    }
  };
  checkKey(keys.key, "key");
  checkKey(keys.authKey, "authentication key");
  let plaintext = c.information;
  if (control.encrypted) {
    if (!keys.key) {
      throw new DlmsError(
        "KEY_MISSING",
        "security",
        `the telegram is encrypted (security control 0x${control.byte.toString(16).padStart(2, "0")}) and no key is configured`,
        { offset: c.informationOffset - 5, field: "key" },
      );
    }
    plaintext = ctr(keys.key, iv, c.information);
  }
  let tagVerified = false;
  // GCM computes the tag with the block cipher key; AK only enters the AAD. Without both, no check.
  if (control.authenticated && keys.authKey && keys.key && c.tag !== APDU_TAG.generalCiphering) {
    // AAD = SC || AK, and the information itself when it is only authenticated (Green Book 9.2.7.2.4.2).
    const aad = control.encrypted
      ? concatBytes([Uint8Array.of(control.byte), keys.authKey])
      : concatBytes([Uint8Array.of(control.byte), keys.authKey, plaintext]);
    const expected = gcmTag(keys.key, iv, aad, control.encrypted ? plaintext : new Uint8Array(0));
    if (!timingSafeEqual(expected, c.authTag!)) {
      throw new DlmsError(
        "AUTH_FAILED",
        "security",
        "authentication tag mismatch: wrong key, wrong authentication key, or an altered telegram",
        { offset: c.informationOffset + c.information.length, field: "authentication tag" },
      );
    }
    tagVerified = true;
  }
  return { plaintext, tagVerified };
}

function counterBytes(n: number): Uint8Array {
  return Uint8Array.of((n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
}

export interface GloCipheringInput {
  readonly plaintext: Uint8Array;
  readonly key: Uint8Array;
  readonly authKey?: Uint8Array;
  readonly systemTitle: Uint8Array;
  readonly frameCounter: number;
  /** Security control byte: 0x20 encrypted, 0x30 encrypted and authenticated, 0x10 authenticated. */
  readonly securityControl: number;
}

/** Builds a general-glo-ciphering APDU (byte-exact and deterministic for the same input). */
export function encryptGloCiphering(input: GloCipheringInput): Uint8Array {
  const control = parseSecurityControl(input.securityControl);
  if (input.systemTitle.length !== 8) throw new RangeError("system title must be 8 bytes");
  if (input.key.length !== keyLength(control.suite)) throw new RangeError("key has the wrong length");
  if (control.authenticated && !input.authKey)
    throw new RangeError("security control asks for a tag: give authKey");
  const iv = concatBytes([input.systemTitle, counterBytes(input.frameCounter)]);
  const information = control.encrypted ? ctr(input.key, iv, input.plaintext) : input.plaintext;
  const parts: Uint8Array[] = [
    Uint8Array.of(input.securityControl),
    counterBytes(input.frameCounter),
    information,
  ];
  if (control.authenticated) {
    const aad = control.encrypted
      ? concatBytes([Uint8Array.of(input.securityControl), input.authKey!])
      : concatBytes([Uint8Array.of(input.securityControl), input.authKey!, input.plaintext]);
    parts.push(gcmTag(input.key, iv, aad, control.encrypted ? input.plaintext : new Uint8Array(0)));
  }
  const content = concatBytes(parts);
  const len = content.length;
  const lenBytes = len < 0x80 ? [len] : len < 0x100 ? [0x81, len] : [0x82, len >> 8, len & 0xff];
  return concatBytes([
    Uint8Array.of(APDU_TAG.generalGloCiphering, 8),
    input.systemTitle,
    Uint8Array.from(lenBytes),
    content,
  ]);
}
