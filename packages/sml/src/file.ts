/**
 * An SML file: the transport (transport.ts) around a sequence of messages, normally open response,
 * get-list response(s), close response (SML 1.04 §8). Quirks are opt-in per meter (quirks.ts).
 */
import type { CrcVariant } from "./crc";
import { Cursor } from "./cursor";
import { hex } from "./entry";
import { SmlError } from "./errors";
import { type MessageOptions, readMessage } from "./message";
import type { QuirkUse, SmlQuirkId } from "./quirks";
import { readTransport } from "./transport";
import type { SmlFile, SmlMessage } from "./types";

export interface DecodeOptions {
  /** Quirks of this meter to accept (quirks.ts); none by default. */
  readonly quirks?: readonly SmlQuirkId[];
  /**
   * "check" (default) throws MESSAGE_CRC_MISMATCH; "report" collects the errors in
   * `SmlFile.messageCrcErrors` and decodes on (the file CRC is always checked). For files whose
   * contents were edited after the meter sent them (anonymised dumps) but whose file CRC was redone.
   */
  readonly messageCrc?: "check" | "report";
}

export type SmlResult = { ok: true; value: SmlFile } | { ok: false; error: SmlError };

function crcVariants(quirks: readonly SmlQuirkId[]): CrcVariant[] {
  const out: CrcVariant[] = [];
  if (quirks.includes("crc-byte-swapped")) out.push("swapped");
  if (quirks.includes("crc-kermit")) out.push("kermit");
  return out;
}

/** Decodes the first SML file in `bytes`; throws SmlError with evidence. */
export function decodeSml(bytes: Uint8Array, options: DecodeOptions = {}): SmlFile {
  const quirks = options.quirks ?? [];
  const variants = crcVariants(quirks);
  const t = readTransport(bytes, variants);
  const used: QuirkUse[] = [];
  if (t.crc.variant !== "standard") {
    used.push({
      id: t.crc.variant === "swapped" ? "crc-byte-swapped" : "crc-kermit",
      offset: t.end - 2,
      detail: "file crc",
    });
  }
  const c = new Cursor(t.data, t.wireOffset);
  const crcErrors: SmlError[] = [];
  const o: MessageOptions = {
    quirks,
    crcVariants: variants,
    used,
    messageCrc: options.messageCrc ?? "check",
    crcErrors,
  };
  const messages: SmlMessage[] = [];
  while (c.pos < t.data.length) messages.push(readMessage(c, o));
  checkClose(messages, quirks, used, t.end - 8);
  const file: { -readonly [K in keyof SmlFile]: SmlFile[K] } = {
    messages,
    crc: t.crc,
    padding: t.padding,
    start: t.start,
    end: t.end,
    quirksApplied: used,
    messageCrcErrors: crcErrors,
  };
  if (o.serverId !== undefined) file.serverId = hex(o.serverId);
  return file;
}

export function tryDecodeSml(bytes: Uint8Array, options: DecodeOptions = {}): SmlResult {
  try {
    return { ok: true, value: decodeSml(bytes, options) };
  } catch (e) {
    if (e instanceof SmlError) return { ok: false, error: e };
    throw e;
  }
}

function checkClose(
  messages: SmlMessage[],
  quirks: readonly SmlQuirkId[],
  used: QuirkUse[],
  endAt: number,
): void {
  if (messages.at(-1)?.body.kind === "closeResponse") return;
  if (messages.length > 0 && quirks.includes("missing-close")) {
    used.push({ id: "missing-close", offset: endAt, detail: `last message: ${messages.at(-1)?.body.kind}` });
    return;
  }
  throw new SmlError("NO_CLOSE", "file ends without a close response", {
    offset: endAt,
    expected: "closeResponse",
    actual: messages.at(-1)?.body.kind ?? "no message",
    field: "messages",
  });
}
