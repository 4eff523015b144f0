// Where to go after signing in. `next` comes from the address bar, so only same-origin paths are
// followed: anything else (https://evil, //evil, /\evil) would make the login page an open redirect.

export const DEFAULT_AFTER_LOGIN = '/buckets';

export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return DEFAULT_AFTER_LOGIN;
  // Control characters could smuggle a different target past the checks above.
  if ([...next].some((c) => c.charCodeAt(0) < 0x20)) return DEFAULT_AFTER_LOGIN;
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/login/')) return DEFAULT_AFTER_LOGIN;
  return next;
}
