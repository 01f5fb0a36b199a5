/** A tiny typed emitter: unlike node's EventEmitter, an "error" without listeners never throws. */
export class Emitter<E extends { [K in keyof E]: (arg: never) => void }> {
  private readonly listeners = new Map<keyof E, Set<(arg: never) => void>>();

  on<K extends keyof E>(event: K, listener: E[K]): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<K extends keyof E>(event: K, arg: Parameters<E[K]>[0]): void {
    const set = this.listeners.get(event);
    if (!set) return;
    for (const l of set) (l as (a: Parameters<E[K]>[0]) => void)(arg);
  }
}
