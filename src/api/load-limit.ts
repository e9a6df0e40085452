import { setImmediate as turn } from 'node:timers/promises';
import type { MiddlewareHandler } from 'hono';
import { badRequest } from '../domain/errors.js';
import { errorBody } from './errors.js';

/** How much heavy work the server takes on at once, and how long a streamed download may run. */
export interface LoadLimits {
  /** downloads (list twins, project points) answered at once; more get 503 with Retry-After */
  downloads: number;
  /** searches answered at once; more get 503 with Retry-After */
  searches: number;
  /** the longest a download may stream once its headers are sent (ms) */
  downloadTimeMs: number;
  /** the longest a download may go without the client taking anything (ms) */
  stallMs: number;
  /** the server's own time (fetching and writing rows, not waiting for the client) a download may take (ms) */
  workMs: number;
  /** rows fetched per page of a download */
  pageSize: number;
}

/**
 * The defaults: on SQLite 4 downloads and 4 searches at once (each admitted request blocks the event loop while
 * its query runs, so more would only lengthen the pauses of the light routes); on PostgreSQL, whose queries run
 * in the database's processes while the event loop goes on, 8 and 16. Every backend: 5 minutes per download,
 * 30 s of stall or of work, pages of 500 rows.
 */
export function defaultLoadLimits(backend: 'sqlite' | 'postgres'): LoadLimits {
  const postgres = backend === 'postgres';
  return {
    downloads: postgres ? 8 : 4,
    searches: postgres ? 16 : 4,
    downloadTimeMs: 300_000,
    stallMs: 30_000,
    workMs: 30_000,
    pageSize: 500,
  };
}

/** The options of `puente serve` and `start` that set load limits (each also an environment variable). */
export interface LoadOptions {
  maxDownloads?: string | undefined;
  maxSearches?: string | undefined;
  downloadTimeLimit?: string | undefined;
}

/**
 * The load limits from command-line options, else PUENTE_MAX_DOWNLOADS, PUENTE_MAX_SEARCHES and
 * PUENTE_DOWNLOAD_TIME_LIMIT (seconds), else the defaults; a value that is not a whole number from 1 is refused.
 */
export function loadLimitsFrom(
  options: LoadOptions,
  env: NodeJS.ProcessEnv = process.env,
): Partial<LoadLimits> {
  const read = (value: string | undefined, flag: string, variable: string) => {
    const raw = value ?? env[variable];
    if (raw === undefined || raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1)
      throw badRequest(
        `invalid ${value === undefined ? variable : flag} "${raw.slice(0, 40)}"`,
        'give a whole number from 1',
      );
    return n;
  };
  const downloads = read(options.maxDownloads, '--max-downloads', 'PUENTE_MAX_DOWNLOADS');
  const searches = read(options.maxSearches, '--max-searches', 'PUENTE_MAX_SEARCHES');
  const seconds = read(options.downloadTimeLimit, '--download-time-limit', 'PUENTE_DOWNLOAD_TIME_LIMIT');
  return {
    ...(downloads === undefined ? {} : { downloads }),
    ...(searches === undefined ? {} : { searches }),
    ...(seconds === undefined ? {} : { downloadTimeMs: seconds * 1000 }),
  };
}

/** A fixed number of slots, taken without waiting. */
export class Pool {
  private taken = 0;
  constructor(readonly size: number) {}

  /** Takes a slot; false when all are taken. */
  tryTake(): boolean {
    if (this.taken >= this.size) return false;
    this.taken += 1;
    return true;
  }

  /** Gives a slot back. */
  give(): void {
    this.taken = Math.max(0, this.taken - 1);
  }

  /** How many slots are taken. */
  get inUse(): number {
    return this.taken;
  }
}

/** A request's slot: given back once when the answer is done, by the middleware or by the stream that kept it. */
export interface Slot {
  limits: LoadLimits;
  release(): void;
}

const slots = new WeakMap<Request, Slot & { kept: boolean }>();

/**
 * Hands a request's slot to the streamed body that answers it: the slot is then given back when the stream ends,
 * fails or is cancelled, not when the handler returns. Undefined when the request holds no slot.
 */
export function keepSlot(request: Request): Slot | undefined {
  const slot = slots.get(request);
  if (slot) slot.kept = true;
  return slot;
}

/** The limits a download of this request runs under (the defaults when it came through no limit). */
export const limitsOf = (request: Request): LoadLimits =>
  slots.get(request)?.limits ?? defaultLoadLimits('sqlite');

/** The kind of heavy work an API path is, or null for a light one. */
export function heavyKind(path: string): 'downloads' | 'searches' | null {
  if (path === '/api/v1/search') return 'searches';
  if (/^\/api\/v1\/(?:projects|claims|entities)\.(?:json|csv|xlsx|geojson)$/.test(path)) return 'downloads';
  // Every located project in one answer (up to 100,000): as heavy as a download.
  if (path === '/api/v1/projects/points') return 'downloads';
  return null;
}

// How long a refused client is asked to wait: a download slot frees after seconds, a search slot sooner.
const retryAfter = { downloads: 5, searches: 1 } as const;

/**
 * Runs heavy requests (downloads, search) under their pool's limit: when the pool is full the request is answered
 * 503 `busy` at once, with Retry-After, so that a crowd of downloads neither queues without end nor keeps the
 * light routes (health, a project page) from answering. The slot is held until the answer is sent in full.
 */
export function limitLoad(limits: LoadLimits): MiddlewareHandler {
  const pools = { downloads: new Pool(limits.downloads), searches: new Pool(limits.searches) };
  return async (c, next) => {
    const kind = heavyKind(c.req.path);
    if (!kind) return next();
    const pool = pools[kind];
    if (!pool.tryTake()) {
      c.header('Retry-After', String(retryAfter[kind]));
      return c.json(
        errorBody(
          'busy',
          `the server is answering ${pool.size} ${kind} at once and has no room for another`,
          `try again in ${retryAfter[kind]} s`,
        ),
        503,
      );
    }
    let given = false;
    const slot = {
      limits,
      kept: false,
      release: () => {
        if (given) return;
        given = true;
        pool.give();
      },
    };
    slots.set(c.req.raw, slot);
    try {
      // SQLite answers synchronously, so a request would otherwise run to its end before the next one is even
      // read: a turn of the event loop first lets the requests that arrived together take their slots (and the
      // ones past the limit their 503) before any of them runs.
      await turn();
      await next();
    } finally {
      if (!slot.kept) slot.release();
    }
  };
}
