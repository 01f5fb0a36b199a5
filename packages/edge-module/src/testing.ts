/**
 * TEST DOUBLE of the IoT Edge runtime, for module tests only (imported by the sub-path
 * `@omdp/edge-module/testing`, never from the package's main entry, so no module ships it).
 *
 * `RecordingModuleHost` is an in-process `ModuleHost`: it records every `send` and reported-properties
 * patch, and lets a test deliver input messages, desired properties and direct-method calls as the
 * runtime would. It does not merge twin patches, complete messages or speak MQTT: the real runtime path
 * (`SdkModuleHost` over the ModuleClient) is tested in packages/edge-module and tests/edge.
 */
import type { ZodType } from "zod";
import type { InboundMessage, MessageProperties, MethodResult, ModuleHost } from "./host";

export interface SentMessage {
  readonly output: string;
  readonly body: unknown;
  readonly properties: MessageProperties;
}

export interface RecordingHostOptions {
  /** Default `edge-test`. */
  readonly deviceId?: string;
  /** Default `test`. */
  readonly moduleId?: string;
  /**
   * How a sent body is copied into `sent` (so later mutation by the module does not alter the record):
   * `json` (default) round-trips it through JSON as the runtime's wire does (dates become strings,
   * `undefined` fields vanish); `structured` keeps it as `structuredClone` does; `none` records the
   * body object itself.
   */
  readonly clone?: "json" | "structured" | "none";
}

type MaybePromise<T> = Promise<T> | T;

export class RecordingModuleHost implements ModuleHost {
  readonly deviceId: string;
  readonly moduleId: string;
  /** Every `send`, oldest first (tests may truncate it). */
  readonly sent: SentMessage[] = [];
  /** Every reported-properties patch, oldest first. */
  readonly reported: Record<string, unknown>[] = [];
  /** What `isConnected()` answers (a test sets it to play a lost hub link). */
  connected = true;
  private readonly clone: "json" | "structured" | "none";
  private readonly inputs = new Map<string, (msg: InboundMessage) => MaybePromise<void>>();
  private readonly methods = new Map<
    string,
    { schema: ZodType<unknown>; handler: (p: unknown) => MaybePromise<unknown> }
  >();
  private desired: { schema: ZodType<unknown>; apply: (c: unknown) => MaybePromise<void> } | undefined;

  constructor(options: RecordingHostOptions = {}) {
    this.deviceId = options.deviceId ?? "edge-test";
    this.moduleId = options.moduleId ?? "test";
    this.clone = options.clone ?? "json";
  }

  async send(output: string, body: unknown, properties: MessageProperties = {}): Promise<void> {
    const copy =
      this.clone === "json"
        ? JSON.parse(JSON.stringify(body))
        : this.clone === "structured"
          ? structuredClone(body)
          : body;
    this.sent.push({ output, body: copy, properties: { ...properties } });
  }

  onInput(input: string, handler: (msg: InboundMessage) => MaybePromise<void>): void {
    this.inputs.set(input, handler);
  }

  onDesired<T>(schema: ZodType<T>, apply: (config: T) => MaybePromise<void>): void {
    this.desired = { schema, apply: apply as (c: unknown) => MaybePromise<void> };
  }

  async report(patch: Record<string, unknown>): Promise<void> {
    this.reported.push(patch);
  }

  isConnected(): boolean {
    return this.connected;
  }

  onMethod<T>(name: string, schema: ZodType<T>, handler: (payload: T) => MaybePromise<unknown>): void {
    this.methods.set(name, { schema, handler: handler as (p: unknown) => MaybePromise<unknown> });
  }

  async close(): Promise<void> {}

  /** Delivers desired properties (validated by the module's schema, defaults applied). */
  async setDesired(doc: unknown): Promise<void> {
    if (!this.desired) throw new Error("module registered no desired-properties handler");
    await this.desired.apply(this.desired.schema.parse(doc));
  }

  /** Delivers one message on an input, as the runtime would, and waits for the handler. */
  async deliver(input: string, body: unknown, properties: MessageProperties = {}): Promise<void> {
    const h = this.inputs.get(input);
    if (!h) throw new Error(`module registered no handler for input ${input}`);
    await h({ body, properties });
  }

  /** Calls a direct method like IoT Hub: 404 unknown, 400 for an invalid payload, 500 for a thrown error. */
  async invoke(name: string, payload: unknown): Promise<MethodResult> {
    const m = this.methods.get(name);
    if (!m) return { status: 404, payload: { message: `no method ${name}` } };
    const parsed = m.schema.safeParse(payload);
    if (!parsed.success) return { status: 400, payload: { message: parsed.error.message } };
    try {
      return { status: 200, payload: await m.handler(parsed.data) };
    } catch (err) {
      return { status: 500, payload: { message: (err as Error).message } };
    }
  }

  /** The messages sent on one output. */
  sentOn(output: string): SentMessage[] {
    return this.sent.filter((s) => s.output === output);
  }

  /** The bodies sent on one output. */
  outputs(output: string): unknown[] {
    return this.sentOn(output).map((s) => s.body);
  }
}
