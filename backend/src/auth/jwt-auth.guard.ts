import { EntityManager } from '@mikro-orm/postgresql';
import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { isUUID } from 'class-validator';
import type { Request } from 'express';
import { AppError } from '../common/app-error';
import { User } from '../users/user.entity';
import { primaryCapacity, type AuthUser } from '../access/auth-user';
import { IS_PUBLIC } from '../access/decorators';
import { credentialOf, SessionCookies } from './session-cookies';
import { SessionStore } from './session.store';

const unauthorized = (message: string) => new AppError(HttpStatus.UNAUTHORIZED, 'UNAUTHORIZED', message);

type AuthenticatedRequest = Request & { user?: AuthUser; sessionId?: string };

/** What a token vouches for: the user and the session it was issued to. */
export interface TokenClaims {
  sub: string;
  sid: string;
}

/**
 * Global guard: every route needs a valid token — Bearer header or session cookie — unless marked
 * @Public(). The token's session and user are re-read from the database on every request (one query
 * by primary keys), so logout, deactivation and changes of password, roles or organisation take
 * effect at once on every instance.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly em: EntityManager,
    private readonly sessions: SessionStore,
    private readonly cookies: SessionCookies,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const credential = credentialOf(request);
    if (!credential) throw unauthorized('Bạn cần đăng nhập');
    const { sub, sid } = await this.claimsOf(credential.token);
    const user = await this.sessions.activeUser(this.em, sid, sub);
    if (!user) throw unauthorized('Phiên đăng nhập đã kết thúc, vui lòng đăng nhập lại');
    if (credential.fromCookie) this.cookies.checkCsrf(request, sid);
    request.user = user;
    request.sessionId = sid;
    return true;
  }

  /** A token that is signed but names no well-formed user and session is as invalid as a forged one. */
  private async claimsOf(token: string): Promise<TokenClaims> {
    const payload = await this.jwt.verifyAsync<Record<string, unknown>>(token).catch(() => null);
    if (!payload || !isUUID(payload.sub) || !isUUID(payload.sid)) {
      throw unauthorized('Phiên đăng nhập không hợp lệ hoặc đã hết hạn, vui lòng đăng nhập lại');
    }
    return { sub: payload.sub as string, sid: payload.sid as string };
  }
}

/** The caller as the guard would make it; the user's organisation and `capacities.organisation` populated. */
export function toAuthUser(user: User): AuthUser {
  const primary = {
    organisationId: user.organisation.id,
    organisationPath: user.organisation.path,
    predecessorIds: [...user.organisation.predecessorIds],
    roles: [...user.roles],
  };
  const others = user.capacities.getItems().map((c) => ({
    organisationId: c.organisation.id,
    organisationPath: c.organisation.path,
    predecessorIds: [...c.organisation.predecessorIds],
    roles: [...c.roles],
    title: c.title,
  }));
  return { id: user.id, username: user.username, fullName: user.fullName, ...primary, capacities: [primaryCapacity(primary), ...others] };
}
