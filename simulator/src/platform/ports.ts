import { createServer } from "node:net";
import { PORT_ENV, PORT_NAME, type Ports } from "./config";

/** A port that is taken, said in one line a person can act on. */
export class PortInUseError extends Error {
  constructor(
    readonly key: keyof Ports,
    readonly port: number,
  ) {
    super(
      `port ${port} (${PORT_NAME[key]}) is already in use on 127.0.0.1: stop the program using it or choose another port with ${PORT_ENV[key]}=<port>`,
    );
    this.name = "PortInUseError";
  }
}

/** Binds and releases `port` on 127.0.0.1; resolves to the bound port (the OS's choice for 0). */
export function probePort(port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen({ port, host: "127.0.0.1", exclusive: true }, () => {
      const addr = srv.address();
      const bound = typeof addr === "object" && addr ? addr.port : port;
      srv.close(() => resolvePort(bound));
    });
  });
}

/**
 * Checks that every fixed port is free and picks free ports for those set to 0. Ports are checked before
 * anything starts, so a conflict is one clear message instead of a half-started platform.
 */
export async function resolvePorts(ports: Ports, keys: readonly (keyof Ports)[]): Promise<Ports> {
  const out: Ports = { ...ports };
  const taken = new Set<number>();
  for (const key of keys) {
    let chosen = -1;
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        const p = await probePort(ports[key]);
        if (taken.has(p)) {
          if (ports[key] !== 0) throw new PortInUseError(key, p);
          continue;
        }
        chosen = p;
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "EADDRINUSE") throw new PortInUseError(key, ports[key]);
        throw err;
      }
    }
    if (chosen < 0) throw new Error(`no free port found for ${PORT_NAME[key]}`);
    taken.add(chosen);
    (out as Record<keyof Ports, number>)[key] = chosen;
  }
  return out;
}
