import { EntityManager } from '@mikro-orm/postgresql';
import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Organisation } from '../organisations/organisation.entity';
import { AbilityFactory } from '../access/ability.factory';
import type { AuthUser } from '../access/auth-user';
import { AuthService } from './auth.service';
import { CurrentSessionId, CurrentUser, Public } from '../access/decorators';
import { LoginDto } from './dto/login.dto';
import { toAuthUser } from './jwt-auth.guard';
import { SessionCookies } from './session-cookies';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: SessionCookies,
    private readonly abilities: AbilityFactory,
    private readonly em: EntityManager,
  ) {}

  /**
   * Answers the token for API clients (`Authorization: Bearer …`) and sets it as an HttpOnly cookie
   * for the browser UI. Failed attempts are limited per username and per address (auth/login-throttle.ts).
   */
  @Public()
  @Post('auth/login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const login = await this.auth.login(dto.username, dto.password, request.ip ?? 'unknown');
    this.cookies.set(request, response, { token: login.accessToken, id: login.sessionId, expiresAt: login.expiresAt });
    return { accessToken: login.accessToken, user: publicUser(toAuthUser(login.user)) };
  }

  /** Ends the caller's session: its token, in a cookie or not, is refused from now on. */
  @ApiBearerAuth()
  @Post('auth/logout')
  @HttpCode(204)
  async logout(@CurrentSessionId() sessionId: string, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(sessionId);
    this.cookies.clear(response);
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
