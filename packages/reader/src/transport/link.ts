/**
 * The byte link the reader's logic talks to: one open connection (a serial port, a TCP socket, or an
 * in-process stream). Adapters are thin; everything protocol-related lives in the pure core.
 */
export interface ByteLink {
  /** Writes bytes; resolves once they are handed to the OS (serial: drained). */
  write(bytes: Uint8Array): Promise<void>;
  /** Closes the link; `onClose` listeners fire once. */
  close(): Promise<void>;
  onData(listener: (chunk: Buffer) => void): void;
  /** Fires once when the link ends, with the cause if it failed. */
  onClose(listener: (err?: Error) => void): void;
  /**
   * Changes the line speed (IEC 62056-21 mode B/C baud switch). Serial ports only; a TCP bridge or an
   * in-process stream has no line speed of its own, so there it is absent and the switch a no-op.
   */
  setBaudRate?(baud: number): Promise<void>;
}

/** Opens links on demand (the reconnecting connection calls it after every loss). */
export interface LinkFactory {
  /** `serial:/dev/ttyUSB0` or `tcp:127.0.0.1:9000`, for logs and diagnostics. */
  readonly describe: string;
  readonly kind: "serial" | "tcp" | "stream";
  open(): Promise<ByteLink>;
}

/** The error an adapter raises when it cannot open its link. */
export class LinkOpenError extends Error {
  override readonly name = "LinkOpenError";
  constructor(
    readonly target: string,
    readonly causeMessage: string,
  ) {
    super(`cannot open ${target}: ${causeMessage}`);
  }
}
