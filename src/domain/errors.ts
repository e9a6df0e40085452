/** Stable error codes shared by every layer; the API maps them to HTTP statuses, the CLI prints them. */
export const errorCodes = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_input: 422,
  too_many_requests: 429,
  internal: 500,
  timeout: 503,
  /** heavy work (downloads, search) is at its limit: try again after Retry-After */
  busy: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** The one error type of Puente: a stable `code`, a message for people, and an optional hint of what to do. */
export class PuenteError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, hint?: string) {
    super(message);
    this.name = 'PuenteError';
    this.code = code;
    this.hint = hint;
  }

  /** The HTTP status that goes with this error's code. */
  get status(): number {
    return errorCodes[this.code];
  }
}

/** A resource that does not exist. */
export const notFound = (what: string, id: string) => new PuenteError('not_found', `${what} ${id} not found`);

/** A request or input that breaks a documented rule. */
export const badRequest = (message: string, hint?: string) => new PuenteError('bad_request', message, hint);

/** A document that Puente cannot read, with what to do about it. */
export const unsupportedInput = (message: string, hint?: string) =>
  new PuenteError('unsupported_input', message, hint);

/** What an error says to a user: its message, and what to do when it is one of Puente's own. */
export function describeError(error: unknown): { message: string; hint: string | null } {
  if (error instanceof PuenteError) return { message: error.message, hint: error.hint ?? null };
  return { message: error instanceof Error ? error.message : String(error), hint: null };
}
