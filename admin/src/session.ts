import type { Me } from './types';

/** The logged-in session, kept in localStorage so a reload does not log the user out. */
interface StoredSession {
  accessToken: string;
  me: Me | null;
}

const KEY = 'kehoach.session';

function read(): StoredSession | null {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? 'null') as StoredSession | null;
  } catch {
    return null;
  }
}

export const session = {
  token: (): string | null => read()?.accessToken ?? null,
  me: (): Me | null => read()?.me ?? null,
  start: (accessToken: string): void => localStorage.setItem(KEY, JSON.stringify({ accessToken, me: null })),
  setMe: (me: Me): void => {
    const current = read();
    if (current) localStorage.setItem(KEY, JSON.stringify({ ...current, me }));
  },
  end: (): void => localStorage.removeItem(KEY),
};
