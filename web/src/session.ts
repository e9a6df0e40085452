import { useEffect, useState } from 'preact/hooks';
import { getJson, sendJson, type Session } from './api';

let current: Session = { user: null, csrfToken: null };
let loaded: Promise<void> | null = null;
const listeners = new Set<(s: Session) => void>();

function set(session: Session) {
  current = session;
  for (const listener of listeners) listener(session);
}

/** Who is signed in, read once from /auth/session and kept in step with sign-in and sign-out. */
export function useSession(): Session {
  const [session, setSession] = useState(current);
  useEffect(() => {
    listeners.add(setSession);
    loaded ??= getJson<Session>('/auth/session').then(set, () => undefined);
    return () => void listeners.delete(setSession);
  }, []);
  return session;
}

export async function signIn(username: string, password: string): Promise<void> {
  set(await sendJson<Session>('POST', '/auth/login', { username, password }, null));
}

export async function signOut(): Promise<void> {
  await sendJson('POST', '/auth/logout', {}, current.csrfToken);
  set({ user: null, csrfToken: null });
}

/** A write as the signed-in person. */
export const write = <T>(method: 'POST' | 'PATCH', path: string, body: unknown) =>
  sendJson<T>(method, path, body, current.csrfToken);
