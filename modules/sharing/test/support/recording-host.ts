import type { InboundMessage, MessageProperties, MethodResult, ModuleHost } from "@omdp/edge-module";
import type { ZodType } from "zod";

export interface SentMessage {
  output: string;
  body: unknown;
  properties: MessageProperties;
}

/**
 * TEST DOUBLE of the IoT Edge runtime: an in-process `ModuleHost` that records every `send`, and lets a
 * test deliver inputs, desired properties and direct-method calls. The real runtime path (ModuleClient
 * over MQTT) is tested in packages/edge-module.
 */
export class RecordingModuleHost implements ModuleHost {
  readonly deviceId = "edge-test";
  readonly moduleId = "sharing";
  readonly sent: SentMessage[] = [];
  readonly reported: Record<string, unknown>[] = [];
  private readonly inputs = new Map<string, (msg: InboundMessage) => Promise<void> | void>();
  private readonly methods = new Map<
    string,
    { schema: ZodType<unknown>; handler: (p: unknown) => unknown }
  >();
  private desired: { schema: ZodType<unknown>; apply: (c: unknown) => Promise<void> | void } | undefined;

  async send(output: string, body: unknown, properties: MessageProperties = {}): Promise<void> {
    this.sent.push({ output, body: structuredClone(body), properties: { ...properties } });
  }

  onInput(input: string, handler: (msg: InboundMessage) => Promise<void> | void): void {
    this.inputs.set(input, handler);
  }

  onDesired<T>(schema: ZodType<T>, apply: (config: T) => Promise<void> | void): void {
    this.desired = { schema, apply: apply as (c: unknown) => Promise<void> | void };
  }

  async report(patch: Record<string, unknown>): Promise<void> {
    this.reported.push(patch);
  }

  onMethod<T>(name: string, schema: ZodType<T>, handler: (payload: T) => Promise<unknown> | unknown): void {
    this.methods.set(name, { schema, handler: handler as (p: unknown) => unknown });
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

  /** Calls a direct method like IoT Hub: 400 for an invalid payload, 500 for a thrown error. */
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

  sentOn(output: string): SentMessage[] {
    return this.sent.filter((s) => s.output === output);
  }
}
