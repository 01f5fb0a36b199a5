/**
 * One message of an Event Hub batch as the IoT Hub built-in endpoint delivers it: the body, the
 * application properties the edge set (`kind`, `meterId`, `householdId`) and the system properties
 * IoT Hub stamped. Identity comes ONLY from the system properties: a body can claim anything.
 */
export interface EventHubMessage {
  readonly body: unknown;
  readonly properties?: Readonly<Record<string, unknown>>;
  readonly systemProperties?: Readonly<Record<string, unknown>>;
}

/** IoT Hub system property names (IoT Hub message routing / Event Hubs-compatible endpoint). */
export const SYSTEM_PROPERTY = {
  deviceId: "iothub-connection-device-id",
  moduleId: "iothub-connection-module-id",
  enqueuedTime: "iothub-enqueuedtime",
  messageId: "message-id",
  sequenceNumber: "x-opt-sequence-number",
} as const;

export interface Identity {
  readonly deviceId: string;
  readonly moduleId?: string;
}

export function identityOf(msg: EventHubMessage): Identity | undefined {
  const sys = msg.systemProperties ?? {};
  const deviceId = sys[SYSTEM_PROPERTY.deviceId];
  if (typeof deviceId !== "string" || deviceId === "") return undefined;
  const moduleId = sys[SYSTEM_PROPERTY.moduleId];
  return typeof moduleId === "string" && moduleId !== "" ? { deviceId, moduleId } : { deviceId };
}

/** The body as text (the trigger hands over a parsed object, a string, or bytes). */
export function bodyText(body: unknown): string {
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return Buffer.from(body).toString("utf8");
  if (body === undefined) return "";
  return JSON.stringify(body);
}

export type ParsedBody = { ok: true; value: unknown } | { ok: false; reason: string };

export function parseBody(body: unknown): ParsedBody {
  if (typeof body === "string" || body instanceof Uint8Array) {
    const text = bodyText(body);
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch (err) {
      return { ok: false, reason: `body is not JSON: ${(err as Error).message}` };
    }
  }
  if (body === undefined || body === null) return { ok: false, reason: "empty body" };
  return { ok: true, value: body };
}
