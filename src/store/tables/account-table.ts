/** Row of `user_account`: a person who can sign in; `password_hash` is `scrypt$N$r$p$salt$hash`. */
export interface UserAccountTable {
  id: string;
  role: string;
  password_hash: string;
  created_at: string;
}

/** Row of `user_session`: a signed-in browser; `id` is the SHA-256 of the cookie's value, never the value. */
export interface UserSessionTable {
  id: string;
  user_id: string;
  csrf: string;
  created_at: string;
  expires_at: string;
}

/**
 * Row of `api_token`: a script's credential; the secret is kept only as its scrypt hash. `parent_id` is the token
 * that made it (it dies with that one); `origin` is how it was made (`cli`, `session`, `token`; null before 2026-11-30).
 */
export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  secret_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  parent_id: string | null;
  origin: string | null;
}
