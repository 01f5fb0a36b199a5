import type { Identity } from "./topics";

/**
 * The system properties a routed message carries to a module input: the sender's own ones except the
 * connection identity, which the hub sets from the authenticated session only (as IoT Hub does): a
 * client cannot claim another `$.cdid`, and a leaf device has no `$.cmid`.
 */
export function connectionProperties(
  system: Readonly<Record<string, string>>,
  sender: Identity,
): Record<string, string> {
  const { "$.cdid": _cdid, "$.cmid": _cmid, ...rest } = system;
  return {
    ...rest,
    "$.cdid": sender.deviceId,
    ...(sender.moduleId ? { "$.cmid": sender.moduleId } : {}),
  };
}

/** A payload as JSON (an empty one is null); text that is not JSON stays text. */
export function parseJson(buf: Buffer): unknown {
  const text = buf.toString("utf8");
  if (text.length === 0) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The body as the cloud sees it: parsed JSON for JSON/UTF-8 messages, else the UTF-8 text. */
export function bodyForCloud(body: Buffer, contentType?: string, contentEncoding?: string): unknown {
  const isJson = contentType?.toLowerCase().startsWith("application/json");
  const utf8 = !contentEncoding || /^utf-?8$/i.test(contentEncoding);
  return isJson && utf8 ? parseJson(body) : body.toString("utf8");
}
