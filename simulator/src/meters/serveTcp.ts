/**
 * M-Bus/TCP gateway: a TCP server that passes the bus bytes through, like the gateways installed in
 * buildings. Each client sees everything the meters send; each client's bytes are a master's requests
 * (two clients polling at once are two masters on one bus).
 */
import { createServer, type Socket } from "node:net";
import type { SimBus } from "./bus";

export interface TcpGateway {
  readonly port: number;
  readonly host: string;
  /** Connected clients right now. */
  readonly clients: number;
  /** Drops every client (the reader sees the peer close) but keeps listening. */
  dropClients(): void;
  close(): Promise<void>;
}

export function serveTcp(bus: SimBus, port = 0, host = "127.0.0.1"): Promise<TcpGateway> {
  const sockets = new Set<Socket>();
  const server = createServer({ noDelay: true }, (socket) => {
    sockets.add(socket);
    const att = bus.attach((bytes) => {
      // A slow client loses bytes rather than growing memory without bound (a wire has no buffer).
      if (socket.writable && socket.writableLength < 1 << 20) socket.write(bytes);
    });
    socket.on("data", (chunk) => att.input(chunk));
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      att.detach();
      sockets.delete(socket);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const addr = server.address();
      const bound = typeof addr === "object" && addr ? addr.port : port;
      resolve({
        port: bound,
        host,
        get clients() {
          return sockets.size;
        },
        dropClients: () => {
          for (const s of sockets) s.destroy();
        },
        close: () =>
          new Promise<void>((res) => {
            for (const s of sockets) s.destroy();
            server.close(() => res());
          }),
      });
    });
  });
}
