import { type ApduService, type DecodedApdu, decodeApdu } from "./apdu/apdu";
import type { AccessResult } from "./apdu/get-response";
import type { AxdrValue } from "./axdr/value";
import type { DlmsDateTime } from "./cosem/datetime";
import { walkPushObjectList } from "./cosem/push-objects";
import { isPrintable, latin1 } from "./cosem/text";
import { type CosemValue, type JsonValue, toJson } from "./cosem/value";
import { applyConventions, type WalkResult, walkBody } from "./cosem/walk";
import { DlmsError, type DlmsResult, fail, ok } from "./errors";
import { HdlcApduAssembler } from "./hdlc/assemble";
import { HDLC_FLAG, readHdlcFrame } from "./hdlc/frame";
import { toHex } from "./hex";
import { readMbusPush } from "./mbus/segments";
import {
  applyNamedProfile,
  applyProfile,
  findProfile,
  isNamedProfile,
  matchNamedProfile,
  matchProfile,
} from "./profiles/index";
import { type DlmsTransport, detectTransport } from "./transport";

export interface DecodePushOptions {
  /** Global unicast encryption key (16 bytes; 32 for suite 2). */
  readonly key?: Uint8Array;
  /** Authentication key: with it, the tag of authenticated telegrams is verified. */
  readonly authKey?: Uint8Array;
  readonly transport?: "auto" | DlmsTransport;
  /** Profile id for flat lists, `none` to switch off matching; default: matched by the list itself. */
  readonly profile?: string;
  /** The meter's system title, for service-specific glo-/ded- APDUs (they do not carry it). */
  readonly systemTitle?: Uint8Array;
}

export interface PushSecurity {
  readonly apdu: string;
  readonly suite: number;
  readonly authenticated: boolean;
  readonly encrypted: boolean;
  /** The tag was checked with the authentication key and matched. */
  readonly tagVerified: boolean;
}

export interface PushTelegram {
  readonly transport: DlmsTransport;
  /** Link frames that carried the APDU (1 for raw). */
  readonly frames: number;
  /** general-block-transfer blocks (0 when none). */
  readonly blocks: number;
  /** System title as hex (8 bytes), for ciphered telegrams. */
  readonly systemTitle?: string;
  /** The manufacturer's FLAG id, the first three system title bytes when they are letters. */
  readonly manufacturer?: string;
  readonly frameCounter?: number;
  /** The security control byte. */
  readonly securityControl?: number;
  readonly security?: PushSecurity;
  /** The service that carried the data (data-notification for pushes). */
  readonly service: ApduService;
  /** event-notification: the attribute the value belongs to (class id, logical name, attribute id). */
  readonly attribute?: { readonly classId: number; readonly obis: string; readonly attributeId: number };
  /** get-response-with-list: the results that came as a data-access-result (their place is null). */
  readonly accessResults?: readonly AccessResult[];
  /** long-invoke-id-and-priority (get-response: invoke-id-and-priority). */
  readonly invokeId: number;
  readonly dateTime?: DlmsDateTime;
  readonly cosem: CosemValue[];
  /** Values without a logical name that no convention or profile placed. */
  readonly unlabeled: JsonValue[];
  /** The profile that labeled a flat list. */
  readonly profile?: string;
}

/** Decodes one push telegram (all its frames) to COSEM values. Never throws for any input bytes. */
export function decodePush(bytes: Uint8Array, opts: DecodePushOptions = {}): DlmsResult<PushTelegram> {
  try {
    return ok(decode(bytes, opts));
  } catch (e) {
    if (e instanceof DlmsError) return fail(e);
    throw e;
  }
}

/**
 * Decodes an APDU that a stream reader already joined (MbusDlmsAssembler, HdlcStreamParser), keeping
 * the transport and frame count it came with.
 */
export function decodePushApdu(
  apdu: Uint8Array,
  link: { readonly transport: DlmsTransport; readonly frames: number; readonly blocks?: number },
  opts: Omit<DecodePushOptions, "transport"> = {},
): DlmsResult<PushTelegram> {
  const decoded = decodeApdu(apdu, keysOf(opts));
  if (!decoded.ok) return decoded;
  try {
    return ok(build(link.transport, link.frames, link.blocks ?? 0, decoded.value, opts));
  } catch (e) {
    if (e instanceof DlmsError) return fail(e);
    throw e;
  }
}

function keysOf(opts: Omit<DecodePushOptions, "transport">) {
  return {
    ...(opts.key ? { key: opts.key } : {}),
    ...(opts.authKey ? { authKey: opts.authKey } : {}),
    ...(opts.systemTitle ? { systemTitle: opts.systemTitle } : {}),
  };
}

function decode(bytes: Uint8Array, opts: DecodePushOptions): PushTelegram {
  if (bytes.length === 0) throw new DlmsError("EMPTY_INPUT", "input", "no bytes", { offset: 0 });
  const transport = !opts.transport || opts.transport === "auto" ? detectTransport(bytes) : opts.transport;
  if (!transport) {
    throw new DlmsError(
      "TRANSPORT_UNKNOWN",
      "input",
      `no DLMS transport starts with 0x${bytes[0]!.toString(16).padStart(2, "0")}`,
      { offset: 0, field: "first byte", expected: "68 (M-Bus), 7E (HDLC) or an APDU tag", actual: bytes[0]! },
    );
  }
  let apdu: Uint8Array;
  let frames = 1;
  let linkBlocks = 0;
  if (transport === "mbus") {
    const r = readMbusPush(bytes);
    apdu = r.apdu;
    frames = r.frames;
  } else if (transport === "hdlc") {
    const r = readHdlc(bytes);
    apdu = r.apdu;
    frames = r.frames;
    linkBlocks = r.blocks;
  } else {
    apdu = bytes;
  }
  const decoded = decodeApdu(apdu, keysOf(opts));
  // Offsets of APDU errors refer to the APDU (for framed transports: the joined segments).
  if (!decoded.ok) throw decoded.error;
  return build(transport, frames, linkBlocks, decoded.value, opts);
}

function readHdlc(bytes: Uint8Array): { apdu: Uint8Array; frames: number; blocks: number } {
  const asm = new HdlcApduAssembler();
  let p = 0;
  while (p < bytes.length) {
    // Fill flags between frames (IEC 62056-46 6.4.2).
    if (bytes[p] === HDLC_FLAG && bytes[p + 1] === HDLC_FLAG) {
      p++;
      continue;
    }
    const { frame, next } = readHdlcFrame(bytes, p);
    const r = asm.push(frame);
    if (!r.ok) throw r.error;
    p = next;
    if (r.value) {
      if (p + 1 < bytes.length) {
        throw new DlmsError("APDU_TRAILING", "hdlc", "frames after the complete APDU", {
          offset: p + 1,
          field: "frames",
          expected: bytes.length,
          actual: p + 1,
        });
      }
      return r.value;
    }
    if (p + 1 >= bytes.length) break;
  }
  throw new DlmsError("HDLC_SEGMENT", "hdlc", "the last segment or block is missing", {
    offset: bytes.length,
    field: "segmentation",
    expected: "a frame without the S bit / the last block",
  });
}

/** The generic walk (push_object_list first), then a named-list profile when one applies. */
function walkNamed(body: AxdrValue, opts: DecodePushOptions): { walked: WalkResult; profileId?: string } {
  const fromList = walkPushObjectList(body);
  const walked = fromList ?? walkBody(body);
  if (walked.cosem.length === 0 || opts.profile === "none") return { walked };
  const asked = opts.profile ? findProfile(opts.profile) : undefined;
  const profile =
    asked && isNamedProfile(asked) ? asked : opts.profile ? undefined : matchNamedProfile(walked, !!fromList);
  if (!profile) return { walked };
  return { walked: applyNamedProfile(profile, walked), profileId: profile.id };
}

function build(
  transport: DlmsTransport,
  frames: number,
  linkBlocks: number,
  d: DecodedApdu,
  opts: DecodePushOptions,
): PushTelegram {
  const body = d.notification.body;
  const { walked: named, profileId: namedProfile } = walkNamed(body, opts);
  let walked = applyConventions(named);
  let profileId = namedProfile;
  if (walked.cosem.length === 0 && opts.profile !== "none") {
    const profile = opts.profile ? findProfile(opts.profile) : matchProfile(body);
    if (opts.profile && !profile) {
      throw new DlmsError("PROFILE_UNKNOWN", "profile", `no profile named '${opts.profile}'`, {
        field: "profile",
        actual: opts.profile,
      });
    }
    if (profile) {
      walked = { cosem: applyProfile(profile, body), unlabeled: [] };
      profileId = profile.id;
    }
  }
  const s = d.security;
  const st = s?.systemTitle;
  const flag = st && isPrintable(st.subarray(0, 3)) ? latin1(st.subarray(0, 3)) : undefined;
  return {
    transport,
    frames,
    blocks: linkBlocks || d.blocks,
    ...(st ? { systemTitle: toHex(st) } : {}),
    ...(flag ? { manufacturer: flag } : {}),
    ...(s ? { frameCounter: s.frameCounter, securityControl: s.control.byte } : {}),
    ...(s
      ? {
          security: {
            apdu: s.apdu,
            suite: s.control.suite,
            authenticated: s.control.authenticated,
            encrypted: s.control.encrypted,
            tagVerified: s.tagVerified,
          },
        }
      : {}),
    service: d.service,
    ...(d.attribute
      ? {
          attribute: {
            classId: d.attribute.classId,
            obis: d.attribute.obis,
            attributeId: d.attribute.attributeId,
          },
        }
      : {}),
    ...(d.accessResults ? { accessResults: d.accessResults } : {}),
    invokeId: d.notification.invokeId,
    ...(d.notification.dateTime ? { dateTime: d.notification.dateTime } : {}),
    cosem: walked.cosem,
    unlabeled: walked.unlabeled.map(toJson),
    ...(profileId ? { profile: profileId } : {}),
  };
}
