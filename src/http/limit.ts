/**
 * Bounds the heavy anonymous work (open data, population simulations) so that a crowd of clients
 * cannot take the server down (issue 16 "Availability"): at most `concurrent` requests run, at
 * most `queue` wait their turn, and the rest are refused at once with 503 and `Retry-After`
 * rather than piling up until everything times out (/health included).
 */
import type { MiddlewareHandler } from 'hono';

/** Heavy anonymous requests running at once; the database (PGlite: one at a time) is the limit. */
export const HEAVY_CONCURRENT = 2;
/** Heavy anonymous requests that may wait; beyond this a client gets 503 straight away. */
export const HEAVY_QUEUE = 64;

/** Too many heavy requests at once: answered 503 with `Retry-After` (src/http/failures.ts). */
export class ServiceBusyError extends Error {
  constructor(readonly retryAfterSeconds = 2) {
    super('Trede is even te druk voor deze aanvraag; probeer het zo opnieuw.');
    this.name = 'ServiceBusyError';
  }
}

export class Semaphore {
  #running = 0;
  readonly #waiting: (() => void)[] = [];
  constructor(
    readonly concurrent: number,
    readonly queue: number,
  ) {}

  get running(): number {
    return this.#running;
  }
  get waiting(): number {
    return this.#waiting.length;
  }

  /** Runs `fn` when a slot is free; throws ServiceBusyError when the queue is full. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#running >= this.concurrent) {
      if (this.#waiting.length >= this.queue) throw new ServiceBusyError();
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else this.#running++;
    try {
      return await fn();
    } finally {
      const next = this.#waiting.shift();
      // The slot passes straight to the next waiter; otherwise it is freed.
      if (next) next();
      else this.#running--;
    }
  }
}

/** A middleware that runs the rest of the request inside `semaphore`. */
export function limitConcurrency(semaphore: Semaphore): MiddlewareHandler {
  return (_c, next) => semaphore.run(() => next());
}
