/**
 * Recent query embeddings at the model's full dimension, keyed by everything that shapes them (model
 * folder, weights, task, prefix, text). Search-as-you-type repeats queries, and a dims change needs only
 * truncation of the full vector: neither calls the encoder again. Least recently used entries go first.
 */
export class QueryCache {
  private readonly entries = new Map<string, Float32Array>();

  constructor(private readonly capacity = 256) {}

  static key(parts: readonly (string | boolean | number)[]): string {
    return JSON.stringify(parts);
  }

  get(key: string): Float32Array | undefined {
    const value = this.entries.get(key);
    if (value) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: Float32Array): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
