// Fault injection with a seeded RNG so a test can replay a fault sequence.
import type { GraphError } from '../errors/graph-error';
import { serviceNotAvailable, throttled } from '../errors/graph-error-factory';
import type { Faults } from '../options';

/** mulberry32: tiny, fast, good enough for fault dice. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private faults: Required<Faults>;
  private readonly random: () => number;

  constructor(faults: Faults | undefined, seed = 1) {
    this.faults = FaultInjector.normalise(faults);
    this.random = mulberry32(seed);
  }

  private static normalise(f: Faults | undefined): Required<Faults> {
    const rate = (v: number | undefined): number => Math.min(1, Math.max(0, v ?? 0));
    return {
      throttleRate: rate(f?.throttleRate),
      unavailableRate: rate(f?.unavailableRate),
      latencyMs: Math.max(0, f?.latencyMs ?? 0),
      retryAfterSeconds: Math.max(0, f?.retryAfterSeconds ?? 1),
    };
  }

  set(faults: Faults): void {
    this.faults = FaultInjector.normalise({ ...this.faults, ...faults });
  }

  get(): Required<Faults> {
    return { ...this.faults };
  }

  async delay(): Promise<void> {
    if (this.faults.latencyMs > 0) await new Promise((r) => setTimeout(r, this.faults.latencyMs));
  }

  /** One roll per request: a 429, a 503 or nothing. */
  roll(): GraphError | undefined {
    const { throttleRate, unavailableRate, retryAfterSeconds } = this.faults;
    if (throttleRate === 0 && unavailableRate === 0) return undefined;
    const r = this.random();
    if (r < throttleRate) return throttled(retryAfterSeconds);
    if (r < throttleRate + unavailableRate) return serviceNotAvailable(retryAfterSeconds);
    return undefined;
  }
}
