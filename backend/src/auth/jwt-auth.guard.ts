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
 * Global guard: every route needs a valid Bearer token unless marked @Public().
 * The user is re-read on each request so a deactivated account or a changed role takes effect at once.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
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
    const user = await this.em.findOne(User, { id: payload.sub, active: true }, { populate: ['organisation'] });
    if (!user) throw unauthorized('Tài khoản không còn hoạt động');
    request.user = toAuthUser(user);
    return true;
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
