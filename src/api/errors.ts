import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { PuenteError, type ErrorCode } from '../domain/errors.js';

/** The one JSON shape of every API error. */
export interface ErrorBody {
  ok: false;
  error: { code: ErrorCode; message: string; hint?: string };
}

/** Builds the error body; `hint` is left out when there is none. */
export function errorBody(code: ErrorCode, message: string, hint?: string): ErrorBody {
  return { ok: false, error: hint ? { code, message, hint } : { code, message } };
}

const statusCodes: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'too_many_requests',
  503: 'timeout',
};

/** Turns any thrown value into the JSON error shape; unknown errors are logged and become a 500. */
export function handleError(error: Error, c: Context) {
  if (error instanceof PuenteError) {
    return c.json(errorBody(error.code, error.message, error.hint), error.status as ContentfulStatusCode);
  }
  if (error instanceof ZodError) {
    const message = error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ');
    return c.json(errorBody('bad_request', message), 400);
  }
  if (error instanceof HTTPException) {
    const code = statusCodes[error.status] ?? 'internal';
    return c.json(errorBody(code, error.message || code), error.status);
  }
  // PostgreSQL cancelled a statement that ran past statement_timeout.
  if ((error as { code?: string }).code === '57014')
    return c.json(
      errorBody('timeout', 'the query took longer than the time limit', 'narrow the query and try again'),
      503,
    );
  console.error('puente: unhandled error on', c.req.method, c.req.path, error);
  return c.json(errorBody('internal', 'internal error'), 500);
}
