import { EntityManager } from '@mikro-orm/postgresql';
import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { Organisation } from '../organisations/organisation.entity';
import { AbilityFactory } from './ability.factory';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { CurrentUser, Public } from './decorators';
import { LoginDto } from './dto/login.dto';
import { toAuthUser } from './jwt-auth.guard';
import { LoginThrottlerGuard } from './login-throttler';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly abilities: AbilityFactory,
    private readonly em: EntityManager,
  ) {}

  /** Rate-limited per address and username: 10 attempts a minute. */
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Throttle({ login: { limit: 10, ttl: 60_000 } })
  @Post('auth/login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto) {
    const { accessToken, user } = await this.auth.login(dto.username, dto.password);
    return { accessToken, user: publicUser(toAuthUser(user)) };
  }

  /** The caller, its organisation, and the CASL rules the UI uses to show only what the server will allow. */
  @ApiBearerAuth()
  @Get('me')
  async me(@CurrentUser() user: AuthUser) {
    const organisation = await this.em.findOneOrFail(Organisation, user.organisationId);
    return { user: publicUser(user), organisation, rules: this.abilities.createForUser(user).rules };
  }
}

function publicUser({ id, username, fullName, organisationId, roles }: AuthUser) {
  return { id, username, fullName, organisationId, roles };
}
