/**
 * The simulated bus: every byte a meter sends reaches every attached endpoint (a TCP client, the PTY,
 * an in-process stream); every byte an endpoint sends is a master's request to the meters.
 */
export interface BusAttachment {
  /** Bytes from this endpoint (a master) onto the bus. */
  input(bytes: Uint8Array): void;
  detach(): void;
}

export interface SimBus {
  /** Connects an endpoint: `deliver` receives what the meters send. */
  attach(deliver: (bytes: Buffer) => void): BusAttachment;
}
