import { randomUUID } from "node:crypto";
import iotCommon, { type Message as SdkMessage } from "azure-iot-common";
import type { InboundMessage, MessageProperties } from "./host";

// The SDK packages are CommonJS; Node's ESM loader sees only some of their named exports.
const { Message } = iotCommon;
type Message = SdkMessage;

export const JSON_CONTENT_TYPE = "application/json";
export const UTF8 = "utf-8";

/** Builds an SDK message: JSON body, content type and encoding, a fresh message id, app properties. */
export function toSdkMessage(body: unknown, properties: MessageProperties = {}): Message {
  const msg = new Message(JSON.stringify(body));
  msg.messageId = randomUUID();
  msg.contentType = JSON_CONTENT_TYPE;
  msg.contentEncoding = UTF8;
  for (const [k, v] of Object.entries(properties)) msg.properties.add(k, String(v));
  return msg;
}

/** Error raised when an inbound body is not the JSON it claims to be. */
export class InboundBodyError extends Error {
  override readonly name = "InboundBodyError";
  constructor(
    readonly input: string,
    readonly messageId: string | undefined,
    cause: unknown,
  ) {
    super(`input '${input}': body is not JSON (message ${messageId ?? "?"}): ${String(cause)}`);
  }
}

/** Reads an SDK message into the host's view: JSON body parsed, properties as a plain record. */
export function fromSdkMessage(input: string, msg: Message): InboundMessage {
  const properties: MessageProperties = {};
  for (let i = 0; i < msg.properties.count(); i++) {
    const p = msg.properties.getItem(i);
    properties[p.key] = String(p.value);
  }
  const raw = Buffer.isBuffer(msg.data) ? msg.data.toString("utf8") : String(msg.data ?? "");
  let body: unknown;
  try {
    body = raw.length === 0 ? null : JSON.parse(raw);
  } catch (err) {
    throw new InboundBodyError(input, msg.messageId, err);
  }
  return {
    body,
    properties,
    ...(msg.messageId ? { messageId: String(msg.messageId) } : {}),
    ...(msg.contentType ? { contentType: String(msg.contentType) } : {}),
  };
}
