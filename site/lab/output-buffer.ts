// Terminal output that may arrive before the terminal is drawn: kept until a sink attaches.
export class OutputBuffer {
  #pending: string[] = [];
  #sink: ((data: string) => void) | undefined;

  write(data: string): void {
    if (this.#sink) this.#sink(data);
    else this.#pending.push(data);
  }

  attach(sink: (data: string) => void): () => void {
    this.#sink = sink;
    if (this.#pending.length) sink(this.#pending.splice(0).join(''));
    return () => {
      if (this.#sink === sink) this.#sink = undefined;
    };
  }
}
