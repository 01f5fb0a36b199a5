/**
 * OMS Vol. 2 clause 9 (security profiles) on the transport layer's encrypted blocks:
 *   mode 5 (clause 9.4.3): AES-128-CBC with the meter key and IV = M (2) || A (6) || 8 x access number,
 *     M and A being the long header's address where there is one, else the link layer's.
 *   mode 7 (clause 9.4.4): AES-128-CBC with IV 0 and Kenc derived from the key and the AFL message
 *     counter (kdf.ts); the AFL MAC is checked with Kmac before decrypting.
 *   mode 13 (TLS) has no public test vector: reported as unsupported.
 * The decrypted data must start with the 0x2F 0x2F filler (OMS Vol. 2 clause 9.2.3); when it does not,
 * the key is wrong. Data that already starts 2F 2F (a replayed, decrypted log) needs no key.
 */
import { type Afl, macInput } from "../afl/afl";
import { fail, ok, type WmbusResult } from "../errors";
import type { TplHeader } from "../tpl/header";
import { cbcDecrypt } from "./aes";
import { cmac } from "./cmac";
import { DC_ENC_FROM_METER, DC_MAC_FROM_METER, deriveKey } from "./kdf";

export type Encryption = "none" | "decrypted" | "alreadyDecrypted";

export interface SecurityContext {
  /** M (2) and A (6) bytes of the link layer. */
  linkAddress: Uint8Array;
  afl: Afl | null;
  /** The frame bytes the AFL MAC covers (the frame as received, before any decryption). */
  frame: Uint8Array;
  key: Uint8Array | undefined;
}

export function mode5Iv(ma: Uint8Array, accessNumber: number): Uint8Array {
  const iv = new Uint8Array(16).fill(accessNumber);
  iv.set(ma.subarray(0, 8), 0);
  return iv;
}

function startsWithFiller(b: Uint8Array, at: number): boolean {
  return b[at] === 0x2f && b[at + 1] === 0x2f;
}

/** The frame with the TPL's encrypted blocks decrypted, and how it was encrypted. */
export function decryptTpl(
  b: Uint8Array,
  tpl: TplHeader,
  ctx: SecurityContext,
): WmbusResult<{ bytes: Uint8Array; encryption: Encryption }> {
  const cfg = tpl.config;
  if (cfg === null || cfg.mode === 0) return ok({ bytes: b, encryption: "none" });
  const at = tpl.end;
  if (cfg.mode !== 5 && cfg.mode !== 7) {
    if (startsWithFiller(b, at)) return ok({ bytes: b, encryption: "alreadyDecrypted" });
    return fail("UNSUPPORTED_SECURITY", `security mode ${cfg.mode} is not supported (modes 0, 5, 7)`, {
      offset: at - cfg.length,
      actual: cfg.mode,
      field: "configuration field mode",
    });
  }
  const len = cfg.encrypted * 16;
  if (startsWithFiller(b, at)) return ok({ bytes: b, encryption: "alreadyDecrypted" });
  if (len === 0 || at + len > b.length) {
    return fail(
      "BAD_ENCRYPTED_LENGTH",
      `${cfg.encrypted} encrypted blocks do not fit the ${b.length - at} bytes left`,
      {
        offset: at,
        expected: len,
        actual: b.length - at,
        field: "configuration field blocks",
      },
    );
  }
  if (ctx.key === undefined) {
    return fail(
      "NO_KEY",
      `the payload is encrypted (security mode ${cfg.mode}) and no key is known for this meter`,
      {
        offset: at,
        field: "key",
      },
    );
  }
  let key = ctx.key;
  let iv: Uint8Array;
  if (cfg.mode === 5) {
    iv = mode5Iv(tpl.addressBytes ?? ctx.linkAddress, tpl.accessNumber!);
  } else {
    const afl = ctx.afl;
    if (afl === null || afl.messageCounter === null) {
      return fail(
        "UNSUPPORTED_SECURITY",
        "security mode 7 needs the AFL message counter, and the frame has no AFL",
        {
          offset: at,
          field: "AFL.MCR",
        },
      );
    }
    const id = (tpl.addressBytes ?? ctx.linkAddress).subarray(2, 6);
    if (afl.mac !== null && afl.mac.length > 0) {
      const kmac = deriveKey(key, DC_MAC_FROM_METER, afl.messageCounter, id);
      const mac = cmac(kmac, macInput(ctx.frame, afl)).subarray(0, afl.mac.length);
      if (!mac.every((v, i) => v === afl.mac![i])) {
        return fail("BAD_MAC", "the AFL MAC does not match (wrong key or altered telegram)", {
          offset: afl.mclAt,
          expected: Buffer.from(afl.mac).toString("hex").toUpperCase(),
          actual: Buffer.from(mac).toString("hex").toUpperCase(),
          field: "AFL.MAC",
        });
      }
    }
    key = deriveKey(key, DC_ENC_FROM_METER, afl.messageCounter, id);
    iv = new Uint8Array(16);
  }
  const plain = cbcDecrypt(key, iv, b.subarray(at, at + len));
  if (!startsWithFiller(plain, 0)) {
    return fail("WRONG_KEY", "decrypted data does not start with the 2F 2F filler: wrong key", {
      offset: at,
      expected: "2F2F",
      actual: Buffer.from(plain.subarray(0, 2)).toString("hex").toUpperCase(),
      field: "decryption check",
    });
  }
  const out = new Uint8Array(b);
  out.set(plain, at);
  return ok({ bytes: out, encryption: "decrypted" });
}
