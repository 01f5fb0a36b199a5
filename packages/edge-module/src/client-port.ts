import type { Message } from "azure-iot-common";
import type {
  Client as DeviceClient,
  DeviceMethodRequest,
  DeviceMethodResponse,
  ModuleClient,
  Twin,
} from "azure-iot-device";

/**
 * The part of the SDK clients the host uses. `ModuleClient` (a module) and `DeviceClient` (a leaf
 * device behind the gateway) differ only in how they send and register methods.
 */
export interface ClientPort {
  readonly kind: "module" | "device";
  open(): Promise<unknown>;
  close(): Promise<unknown>;
  getTwin(): Promise<Twin>;
  send(output: string, msg: Message): Promise<unknown>;
  complete(msg: Message): Promise<unknown>;
  onMethod(name: string, cb: (req: DeviceMethodRequest, res: DeviceMethodResponse) => void): void;
  onInput(cb: (input: string, msg: Message) => void): void;
  offInput(): void;
  onConnectionEvent(event: "disconnect" | "error" | "connect", cb: (arg?: unknown) => void): void;
  /** Every change of the link to the hub: up on (re)connect, down on any transport disconnect. */
  onLinkState(cb: (up: boolean) => void): void;
}

interface EventSource {
  on(event: string, cb: (arg?: unknown) => void): unknown;
}

/**
 * The SDK client emits `connect` on every (re)connect of its transport, but `disconnect` only when its
 * retry policy gives up; a dropped link it is retrying is visible only on the transport's own
 * `disconnect` event (the client's `_transport`, the MQTT transport object). Both are followed.
 */
function followLink(client: EventSource, cb: (up: boolean) => void): void {
  client.on("connect", () => cb(true));
  client.on("disconnect", () => cb(false));
  const transport = (client as { _transport?: EventSource })._transport;
  transport?.on("disconnect", () => cb(false));
}

export function modulePort(client: ModuleClient): ClientPort {
  return {
    kind: "module",
    open: () => client.open(),
    close: () => client.close(),
    getTwin: () => client.getTwin(),
    send: (output, msg) => client.sendOutputEvent(output, msg),
    complete: (msg) => client.complete(msg),
    onMethod: (name, cb) =>
      client.onMethod(name, (req, res) => {
        if (req && res) cb(req, res);
      }),
    onInput: (cb) => client.on("inputMessage", cb),
    offInput: () => client.removeAllListeners("inputMessage"),
    onConnectionEvent: (event, cb) => client.on(event, cb),
    onLinkState: (cb) => followLink(client, cb),
  };
}

/**
 * A leaf device has no outputs: every send is a device-to-cloud event, routed by the gateway with
 * `FROM /messages/*` (no `$connectionModuleId`). The output name travels as application property
 * `output` so routes and receivers can still tell the streams apart.
 */
export function devicePort(client: DeviceClient): ClientPort {
  return {
    kind: "device",
    open: () => client.open(),
    close: () => client.close(),
    getTwin: () => client.getTwin(),
    send: (output, msg) => {
      msg.properties.add("output", output);
      return client.sendEvent(msg);
    },
    complete: (msg) => client.complete(msg),
    onMethod: (name, cb) => client.onDeviceMethod(name, cb),
    onInput: (cb) => client.on("message", (msg: Message) => cb("$devicebound", msg)),
    offInput: () => client.removeAllListeners("message"),
    onConnectionEvent: (event, cb) => client.on(event, cb),
    onLinkState: (cb) => followLink(client, cb),
  };
}
