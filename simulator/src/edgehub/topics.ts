/**
 * IoT Hub's MQTT topic scheme as the device SDK uses it ("Communicate with an IoT hub using MQTT";
 * azure-iot-device-mqtt): what clients publish, what the hub delivers.
 */

/** Who is connected: a module of the edge device, or a leaf device (no module). */
export interface Identity {
  readonly deviceId: string;
  readonly moduleId?: string;
}

export function identityKey(id: Identity): string {
  return id.moduleId ? `${id.deviceId}/${id.moduleId}` : id.deviceId;
}

/** A device-to-cloud or module output message as read from a PUBLISH topic. */
export interface TelemetryTopic {
  readonly kind: "telemetry";
  readonly deviceId: string;
  readonly moduleId?: string;
  /** `$.on`: the module output (absent for sendEvent). */
  readonly output?: string;
  /** System properties (`$.mid`, `$.ct`, `$.ce`, `$.cid`, ...), `$.on` excluded. */
  readonly system: Record<string, string>;
  /** Application properties. */
  readonly properties: Record<string, string>;
}

export interface TwinRequestTopic {
  readonly kind: "twin";
  readonly verb: "GET" | "PATCH";
  /** Request id, echoed on the response. */
  readonly rid: string;
}

export interface MethodResponseTopic {
  readonly kind: "methodResponse";
  readonly status: number;
  readonly rid: string;
}

export type ClientTopic = TelemetryTopic | TwinRequestTopic | MethodResponseTopic;

/** Percent-decodes a topic segment (`+` is a space); `undefined` when the encoding is invalid. */
function decode(s: string): string | undefined {
  try {
    return decodeURIComponent(s.replace(/\+/g, "%20"));
  } catch {
    return undefined;
  }
}

/** Splits `a=1&b=2` (URI-encoded keys and values); `undefined` if any of them is badly encoded. */
export function parsePropertyBag(bag: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  if (!bag) return out;
  for (const pair of bag.split("&")) {
    if (!pair) continue;
    const at = pair.indexOf("=");
    const k = decode(at < 0 ? pair : pair.slice(0, at));
    const v = at < 0 ? "" : decode(pair.slice(at + 1));
    if (k === undefined || v === undefined) return undefined;
    out[k] = v;
  }
  return out;
}

export function formatPropertyBag(props: Record<string, string>): string {
  return Object.entries(props)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join("&");
}

function query(topic: string): Record<string, string> {
  const q = topic.indexOf("?");
  return (q < 0 ? {} : parsePropertyBag(topic.slice(q + 1))) ?? {};
}

/**
 * Reads a topic a client published to; `undefined` if it is not one a client may publish.
 * Telemetry: `devices/{d}/messages/events/{bag}` or `devices/{d}/modules/{m}/messages/events/{bag}`.
 * A badly percent-encoded id or property bag is not a topic a client may publish.
 */
export function parseClientTopic(topic: string): ClientTopic | undefined {
  if (topic.startsWith("devices/")) {
    const parts = topic.split("/");
    let deviceId: string | undefined;
    let moduleId: string | undefined;
    let rest: string[];
    if (parts[2] === "modules") {
      deviceId = decode(parts[1] ?? "");
      moduleId = decode(parts[3] ?? "");
      if (moduleId === undefined) return undefined;
      rest = parts.slice(4);
    } else {
      deviceId = decode(parts[1] ?? "");
      rest = parts.slice(2);
    }
    if (rest[0] !== "messages" || rest[1] !== "events" || !deviceId) return undefined;
    const bag = parsePropertyBag(rest[2] ?? "");
    if (!bag) return undefined;
    const system: Record<string, string> = {};
    const properties: Record<string, string> = {};
    let output: string | undefined;
    for (const [k, v] of Object.entries(bag)) {
      if (k === "$.on") output = v;
      else if (k.startsWith("$.")) system[k] = v;
      else properties[k] = v;
    }
    return {
      kind: "telemetry",
      deviceId,
      ...(moduleId ? { moduleId } : {}),
      ...(output !== undefined ? { output } : {}),
      system,
      properties,
    };
  }
  if (topic.startsWith("$iothub/twin/")) {
    const verb = topic.startsWith("$iothub/twin/GET/")
      ? "GET"
      : topic.startsWith("$iothub/twin/PATCH/properties/reported/")
        ? "PATCH"
        : undefined;
    const rid = query(topic).$rid;
    return verb && rid ? { kind: "twin", verb, rid } : undefined;
  }
  if (topic.startsWith("$iothub/methods/res/")) {
    const status = Number(topic.split("/")[3]?.split("?")[0]);
    const rid = query(topic).$rid;
    return Number.isInteger(status) && rid ? { kind: "methodResponse", status, rid } : undefined;
  }
  return undefined;
}

/** Subscriptions a client may hold (everything else is refused). */
export function allowedSubscription(id: Identity, filter: string): boolean {
  if (
    filter === "$iothub/twin/res/#" ||
    filter === "$iothub/twin/PATCH/properties/desired/#" ||
    filter === "$iothub/methods/POST/#"
  )
    return true;
  if (id.moduleId) return filter === `devices/${id.deviceId}/modules/${id.moduleId}/inputs/#`;
  return filter === `devices/${id.deviceId}/messages/devicebound/#`;
}

export function inputTopic(id: Identity, input: string, bag: Record<string, string>): string {
  return `devices/${id.deviceId}/modules/${id.moduleId}/inputs/${input}/${formatPropertyBag(bag)}`;
}

export const twinResponseTopic = (status: number, rid: string, version?: number): string =>
  `$iothub/twin/res/${status}/?$rid=${encodeURIComponent(rid)}${version !== undefined ? `&$version=${version}` : ""}`;

export const desiredPatchTopic = (version: number): string =>
  `$iothub/twin/PATCH/properties/desired/?$version=${version}`;

export const methodRequestTopic = (method: string, rid: string): string =>
  `$iothub/methods/POST/${encodeURIComponent(method)}/?$rid=${encodeURIComponent(rid)}`;
