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

/** react-admin asks `canAccess` for every button and row: build the ability once per session. */
let cachedAbility: { token: string; ability: AppAbility } | null = null;

async function currentAbility(token: string): Promise<AppAbility> {
  if (cachedAbility?.token !== token) cachedAbility = { token, ability: buildAbility((await currentMe()).rules) };
  return cachedAbility.ability;
}

/** Login on `/api/auth/login`; identity, roles and CASL rules from `/api/me`. */
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
    session.start(body.accessToken);
    await loadMe();
  },
  async logout() {
    session.end();
  },
  async checkAuth() {
    // Opening the app without a session just shows the login page, without an error toast.
    if (!session.token()) throw { message: false };
  },
  async checkError(error: HttpError) {
    if (error?.status === 401) {
      session.end();
      throw new Error('ra.notification.logged_out');
    }
    // 403 and the rest are shown where they happen; the user stays logged in.
  },
  async getIdentity() {
    const me = await currentMe();
    return { id: me.user.id, fullName: me.user.fullName, user: me.user, organisation: me.organisation };
  },
  async getPermissions() {
    return session.token() ? (await currentMe()).rules : [];
  },
  async canAccess({ action, resource, record }) {
    const token = session.token();
    return token !== null && canAccessResource(await currentAbility(token), action, resource, record);
  },
};
