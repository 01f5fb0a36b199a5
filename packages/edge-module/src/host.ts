import type { ZodType } from "zod";

/** Application properties of an edge message (IoT Hub keeps them end to end). */
export type MessageProperties = Record<string, string>;

export interface InboundMessage<T = unknown> {
  readonly body: T;
  readonly properties: MessageProperties;
  readonly messageId?: string;
  readonly contentType?: string;
}

/** Result of a direct method handler: the status and payload IoT Hub returns to the caller. */
export interface MethodResult {
  readonly status: number;
  readonly payload: unknown;
}

/**
 * What a module's wiring sees of the IoT Edge runtime. One implementation wraps the real
 * `ModuleClient` (azure-iot-device + azure-iot-device-mqtt); module logic never touches the SDK.
 */
export interface ModuleHost {
  readonly deviceId: string;
  readonly moduleId: string;
  /** Sends a JSON body on a named output (content type application/json, utf-8). */
  send(output: string, body: unknown, properties?: MessageProperties): Promise<void>;
  /** Handles messages arriving on a named input; the message is completed after the handler settles. */
  onInput(input: string, handler: (msg: InboundMessage) => Promise<void> | void): void;
  /**
   * Live configuration: the desired properties validated by `schema` (defaults applied), delivered
   * once at start and again after every desired-properties patch (merged). An invalid patch is
   * rejected: `apply` is not called and the error is reported in reported properties.
   */
  onDesired<T>(schema: ZodType<T>, apply: (config: T) => Promise<void> | void): void;
  /** Patches the module twin's reported properties (status, counters, last error). */
  report(patch: Record<string, unknown>): Promise<void>;
  /**
   * Registers a direct method. The payload is validated with `schema`: invalid gives 400 with the
   * message; a thrown error gives 500; otherwise 200 with the returned value.
   */
  onMethod<T>(name: string, schema: ZodType<T>, handler: (payload: T) => Promise<unknown> | unknown): void;
  /**
   * Whether the client's link to the edge hub is up now: false from a transport disconnect until the
   * client is connected again (health checks report it).
   */
  isConnected(): boolean;
  /** Finishes in-flight messages and closes the client. */
  close(): Promise<void>;
}
