import { EntityManager } from '@mikro-orm/postgresql';
import { HttpStatus, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppError } from '../common/app-error';
import { User } from '../users/user.entity';
import { verifyPassword } from './password';

@Injectable()
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly jwt: JwtService,
  ) {}

  /** One message for an unknown user and a wrong password: the answer must not reveal which usernames exist. */
  async login(username: string, password: string): Promise<{ accessToken: string; user: User }> {
    const user = await this.em.findOne(
      User,
      { username: username.trim().toLowerCase(), active: true },
      { populate: ['passwordHash', 'organisation'] },
    );
    if (!(await verifyPassword(password, user?.passwordHash))) {
      throw new AppError(HttpStatus.UNAUTHORIZED, 'BAD_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng');
    }
    return { accessToken: await this.jwt.signAsync({ sub: user!.id }), user: user! };
  }
}
