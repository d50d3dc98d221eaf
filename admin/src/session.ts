import type { Me } from './types';

/**
 * The logged-in session as the page knows it. The token itself is in an HttpOnly cookie that script
 * cannot read (the browser sends it to /api); the page keeps only the caller's profile, so a reload
 * shows who is logged in without a request, and the server stays the judge of whether the session lives.
 */
const KEY = 'kehoach.session';
/** Set by the server at login, readable here, echoed in CSRF_HEADER on every request. */
const CSRF_COOKIE = 'kehoach_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

function read(): { me: Me | null } | null {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? 'null') as { me: Me | null } | null;
  } catch {
    return null;
  }
}

export const session = {
  /** Whether this browser logged in (and has not logged out since). */
  active: (): boolean => read() !== null,
  me: (): Me | null => read()?.me ?? null,
  start: (): void => localStorage.setItem(KEY, JSON.stringify({ me: null })),
  setMe: (me: Me): void => {
    if (read()) localStorage.setItem(KEY, JSON.stringify({ me }));
  },
  end: (): void => localStorage.removeItem(KEY),
  csrfToken: (): string =>
    decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith(`${CSRF_COOKIE}=`))?.slice(CSRF_COOKIE.length + 1) ?? ''),
};
