import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** The address of the socket's peer; `local` when there is no socket (a request made in-process). */
function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local';
  }
}

/**
 * The client's address. With no trusted proxy (the default) it is the socket's peer and X-Forwarded-For is
 * ignored, since anyone can send one. With `trustProxy` reverse proxies in front, each appending the address it
 * was reached from, it is the entry the outermost trusted proxy appended: counted from the right, where a client
 * cannot write (as Express counts `trust proxy`).
 */
export function clientAddress(c: Context, trustProxy = 0): string {
  const socket = socketAddress(c);
  if (trustProxy <= 0) return socket;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const hops = [socket, ...forwarded.reverse()];
  return (hops[Math.min(trustProxy, hops.length - 1)] ?? socket).slice(0, 100);
}
