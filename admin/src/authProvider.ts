import { HttpError, type AuthProvider } from 'react-admin';
import { buildAbility, canAccessResource, type AppAbility } from './ability';
import { httpClient } from './dataProvider';
import { session } from './session';
import type { Me } from './types';

async function loadMe(): Promise<Me> {
  const { json } = await httpClient('/api/me');
  session.setMe(json as Me);
  return json as Me;
}

async function currentMe(): Promise<Me> {
  return session.me() ?? loadMe();
}

/**
 * react-admin asks `canAccess` for every button and row: build the ability once per session. Keyed by
 * the user, since a login in another tab replaces the session (cookie and profile) of this one too.
 */
let cachedAbility: { userId: string; ability: AppAbility } | null = null;

async function currentAbility(): Promise<AppAbility> {
  const me = await currentMe();
  if (cachedAbility?.userId !== me.user.id) cachedAbility = { userId: me.user.id, ability: buildAbility(me.rules) };
  return cachedAbility.ability;
}

function endSession(): void {
  session.end();
  cachedAbility = null;
}

/**
 * Login on `/api/auth/login`, which sets the session cookie (the page never sees the token);
 * identity, roles and CASL rules from `/api/me`.
 */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const response = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = await response.json().catch(() => ({}));
    // The server's message ("Tên đăng nhập hoặc mật khẩu không đúng", throttling) is shown as is.
    if (!response.ok) throw new HttpError(body.message ?? 'ra.auth.sign_in_error', response.status, body);
    endSession();
    session.start();
    await loadMe();
  },
  async logout() {
    // The server revokes the session and clears its cookie; an already ended session answers 401, which is fine.
    if (session.active()) await httpClient('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    endSession();
  },
  async checkAuth() {
    // Opening the app without a session just shows the login page, without an error toast.
    if (!session.active()) throw { message: false };
  },
  async checkError(error: HttpError) {
    if (error?.status === 401) {
      endSession();
      throw new Error('ra.notification.logged_out');
    }
    // 403 and the rest are shown where they happen; the user stays logged in.
  },
  async getIdentity() {
    const me = await currentMe();
    return { id: me.user.id, fullName: me.user.fullName, user: me.user, organisation: me.organisation };
  },
  async getPermissions() {
    return session.active() ? (await currentMe()).rules : [];
  },
  async canAccess({ action, resource, record }) {
    return session.active() && canAccessResource(await currentAbility(), action, resource, record);
  },
};
