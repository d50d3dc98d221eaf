import { EntityManager } from '@mikro-orm/postgresql';
import { HttpStatus, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { AppError } from '../common/app-error';
import { User } from '../users/user.entity';
import type { TokenClaims } from './jwt-auth.guard';
import { LoginThrottle } from './login-throttle';
import { verifyPassword } from '../users/password';
import { SessionStore } from './session.store';

export interface Login {
  accessToken: string;
  sessionId: string;
  expiresAt: Date;
  user: User;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly jwt: JwtService,
    private readonly sessions: SessionStore,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * A new session for the user, throttled per username and per address (`address`: the caller's IP).
   * One message for an unknown user and a wrong password: the answer must not reveal which usernames exist.
   */
  async login(username: string, password: string, address: string): Promise<Login> {
    const normalised = username.trim().toLowerCase();
    return this.throttle.limit(this.em, { username: normalised, address }, async () => {
      const user = await this.em.findOne(User, { username: normalised, active: true }, { populate: ['passwordHash', 'organisation', 'capacities.organisation'] });
      if (!(await verifyPassword(password, user?.passwordHash))) {
        throw new AppError(HttpStatus.UNAUTHORIZED, 'BAD_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng');
      }
      return this.startSession(user!);
    });
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.revoke(this.em, sessionId);
  }

  /** The session ends when its token does. */
  private async startSession(user: User): Promise<Login> {
    const claims: TokenClaims = { sub: user.id, sid: randomUUID() };
    const accessToken = await this.jwt.signAsync(claims);
    const expiresAt = new Date(this.jwt.decode<{ exp: number }>(accessToken).exp * 1000);
    await this.sessions.create(this.em, { id: claims.sid, userId: user.id, expiresAt });
    return { accessToken, sessionId: claims.sid, expiresAt, user };
  }
}
