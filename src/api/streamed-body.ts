import { PuenteError } from '../domain/errors.js';
import type { LoadLimits } from './load-limit.js';

/** A streamed answer's limits, and what to do once it is over (sent in full, failed, cut or cancelled). */
export interface StreamGuard {
  limits: Pick<LoadLimits, 'downloadTimeMs' | 'stallMs' | 'workMs'>;
  onEnd?: () => void;
}

/**
 * A response body that pulls its chunks one at a time, when the client is ready for more, so that memory holds
 * about one chunk whatever the size of the whole, and the event loop gets a turn between chunks. Its limits,
 * measured once the headers are sent: the whole body within `downloadTimeMs`; no more than `stallMs` without
 * the client asking for more (a client that stops reading); at most `workMs` spent making chunks (the server's
 * own time, the request time limit carried on past the headers). Past any of them the stream fails, which cuts
 * the connection: the client sees a broken transfer, never a file silently cut short.
 */
export function streamedBody(
  chunks: AsyncIterator<string | Uint8Array, unknown>,
  guard: StreamGuard,
): ReadableStream<Uint8Array> {
  const { limits } = guard;
  const encoder = new TextEncoder();
  let ended = false;
  let work = 0;
  let stall: NodeJS.Timeout | undefined;
  let whole: NodeJS.Timeout | undefined;
  let cut: (reason: string) => void = () => undefined;

  const end = () => {
    if (ended) return;
    ended = true;
    clearTimeout(stall);
    clearTimeout(whole);
    // Lets the producer close what it holds (a workbook, a query); its result no longer matters.
    void chunks.return?.().catch(() => undefined);
    guard.onEnd?.();
  };
  const waitForClient = () => {
    clearTimeout(stall);
    stall = setTimeout(
      () => cut(`the client took nothing for ${limits.stallMs / 1000} s`),
      limits.stallMs,
    ).unref();
  };

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        cut = (reason) => {
          if (ended) return;
          controller.error(new PuenteError('timeout', `download stopped: ${reason}`));
          end();
        };
        whole = setTimeout(
          () => cut(`it took longer than ${limits.downloadTimeMs / 1000} s`),
          limits.downloadTimeMs,
        ).unref();
        waitForClient();
      },
      async pull(controller) {
        clearTimeout(stall);
        const started = performance.now();
        let next: IteratorResult<string | Uint8Array, unknown>;
        try {
          do next = await chunks.next();
          while (!next.done && next.value.length === 0);
        } catch (error) {
          if (!ended) {
            console.error('puente: a streamed download failed', error);
            controller.error(error);
            end();
          }
          return;
        }
        work += performance.now() - started;
        if (ended) return;
        if (next.done) {
          controller.close();
          end();
          return;
        }
        controller.enqueue(typeof next.value === 'string' ? encoder.encode(next.value) : next.value);
        if (work > limits.workMs) cut(`making it took longer than ${limits.workMs / 1000} s`);
        else waitForClient();
      },
      cancel() {
        end();
      },
    },
    { highWaterMark: 0 },
  );
}
