import { Inject, Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CookieOptions, Request, Response } from 'express';
import { forbidden } from '../common/app-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** HttpOnly: script in the page (injected or not) never reads the token. Only the API needs it. */
const SESSION_COOKIE = 'kehoach_session';
/** Readable by the UI, which echoes it in CSRF_HEADER; another site can neither read it nor set the header. */
const CSRF_COOKIE = 'kehoach_csrf';
const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface Credential {
  token: string;
  /** A cookie is sent by the browser on its own (ambient authority): such requests need the CSRF header. */
  fromCookie: boolean;
}

/** The token a request carries: a Bearer header (API clients, tests) or the session cookie (the browser UI). */
export function credentialOf(request: Request): Credential | null {
  const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (bearer) return { token: bearer, fromCookie: false };
  const cookie: unknown = request.cookies?.[SESSION_COOKIE];
  return typeof cookie === 'string' && cookie ? { token: cookie, fromCookie: true } : null;
}

/**
 * The browser UI's session: the token in an HttpOnly, SameSite=Strict cookie, and a CSRF token bound
 * to the session (an HMAC of its id, so a cookie planted by a sibling subdomain does not match).
 */
@Injectable()
export class SessionCookies {
  private readonly csrfKey: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.csrfKey = createHmac('sha256', config.jwtSecret).update('kehoach csrf key').digest();
  }

  set(request: Request, response: Response, session: { token: string; id: string; expiresAt: Date }): void {
    const options: CookieOptions = { sameSite: 'strict', secure: isHttps(request), expires: session.expiresAt };
    response.cookie(SESSION_COOKIE, session.token, { ...options, httpOnly: true, path: '/api' });
    response.cookie(CSRF_COOKIE, this.csrfTokenOf(session.id), { ...options, path: '/' });
  }

  clear(response: Response): void {
    response.clearCookie(SESSION_COOKIE, { path: '/api' });
    response.clearCookie(CSRF_COOKIE, { path: '/' });
  }

  /** 403 for a cookie-authenticated change without the session's CSRF token in its header. */
  checkCsrf(request: Request, sessionId: string): void {
    if (SAFE_METHODS.has(request.method)) return;
    const sent = Buffer.from(String(request.headers[CSRF_HEADER] ?? ''));
    const expected = Buffer.from(this.csrfTokenOf(sessionId));
    if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
      throw forbidden('Yêu cầu thiếu mã chống giả mạo (CSRF) hợp lệ; hãy tải lại trang rồi thử lại');
    }
  }

  private csrfTokenOf(sessionId: string): string {
    return createHmac('sha256', this.csrfKey).update(sessionId).digest('base64url');
  }
}

/**
 * Secure cookies over https, also behind a proxy that says so in X-Forwarded-Proto. The header is
 * read here even without `trust proxy` (TRUST_PROXY): forging it can only make the sender's own
 * cookie Secure, never weaken anyone's.
 */
function isHttps(request: Request): boolean {
  return request.secure || String(request.headers['x-forwarded-proto'] ?? '').split(',')[0].trim() === 'https';
}
