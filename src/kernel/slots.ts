// A bounded number of heavy tasks at a time (parsing workers, OCR): at most `maxRunning` run, at
// most `maxWaiting` wait their turn, and past them a request is refused with 429 rather than held,
// so that one user's uploads cannot queue the server up.
import { AppError, errorCatalogue } from './errors.ts';
import type { Text } from './i18n.ts';

/**
 * A counter of slots; `acquire()` resolves with the slot's release when one is free.
 * @example const release = await parsing(); try { … } finally { release(); }
 */
export function slots(maxRunning: number, maxWaiting: number, busy: Text): () => Promise<() => void> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function acquire() {
    if (running >= maxRunning) {
      if (waiting.length >= maxWaiting) throw new AppError(errorCatalogue.tooManyRequests, busy);
      await new Promise<void>((r) => waiting.push(r));
    }
    running++;
    return () => {
      running--;
      waiting.shift()?.();
    };
  };
}
