import { EntityManager } from '@mikro-orm/postgresql';
import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { AppError } from '../common/app-error';
import { User } from '../users/user.entity';
import type { AuthUser } from './auth-user';
import { IS_PUBLIC } from './decorators';

const unauthorized = (message: string) => new AppError(HttpStatus.UNAUTHORIZED, 'UNAUTHORIZED', message);

/**
 * How long a resolved user is reused: re-reading the account on every request costs more than the
 * rest of a typical request, and a deactivation or role change still takes effect within seconds.
 */
const USER_TTL_MS = 5_000;
const USER_CACHE_SIZE = 10_000;

/**
 * Global guard: every route needs a valid Bearer token unless marked @Public(). The user is re-read
 * from the database (at most every few seconds), so a deactivated account or a changed role takes effect.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly recent = new Map<string, { user: AuthUser; until: number }>();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly em: EntityManager,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw unauthorized('Bạn cần đăng nhập');
    const payload = await this.jwt.verifyAsync<{ sub: string }>(token).catch(() => {
      throw unauthorized('Phiên đăng nhập không hợp lệ hoặc đã hết hạn, vui lòng đăng nhập lại');
    });
    request.user = await this.activeUser(payload.sub);
    return true;
  }

  private async activeUser(id: string): Promise<AuthUser> {
    const cached = this.recent.get(id);
    if (cached && cached.until > Date.now()) return cached.user;
    const user = await this.em.findOne(User, { id, active: true }, { populate: ['organisation'] });
    if (!user) throw unauthorized('Tài khoản không còn hoạt động');
    if (this.recent.size >= USER_CACHE_SIZE) this.recent.clear();
    const authUser = toAuthUser(user);
    this.recent.set(id, { user: authUser, until: Date.now() + USER_TTL_MS });
    return authUser;
  }
}

export function toAuthUser(user: User): AuthUser {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    organisationId: user.organisation.id,
    organisationPath: user.organisation.path,
    roles: [...user.roles],
  };
}
