/**
 * Modules started by the local edge hub end with it. The hub's supervisor gives each module a stdin
 * pipe and sets `OMDP_EXIT_WITH_PARENT=1`; when the hub goes away, even by SIGKILL (no exit handler
 * runs), the kernel closes the pipe's other end and stdin ends. On IoT Edge the edge agent owns the
 * module containers, the variable is not set and nothing is watched.
 */
export const EXIT_WITH_PARENT_ENV = "OMDP_EXIT_WITH_PARENT";

/** Calls `onGone` once when the parent that set `OMDP_EXIT_WITH_PARENT=1` is gone. */
export function watchParent(
  onGone: () => void,
  env: NodeJS.ProcessEnv = process.env,
  stdin: NodeJS.ReadableStream = process.stdin,
): void {
  if (env[EXIT_WITH_PARENT_ENV] !== "1") return;
  let called = false;
  const gone = () => {
    if (called) return;
    called = true;
    onGone();
  };
  stdin.on("end", gone);
  stdin.on("close", gone);
  stdin.on("error", gone);
  // Flowing mode: the hub never writes, so this only ever sees the end of the pipe.
  stdin.on("data", () => {});
  stdin.resume();
}
