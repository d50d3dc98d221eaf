import { EntityManager } from '@mikro-orm/postgresql';
import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../access/decorators';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly em: EntityManager) {}

  /** Liveness plus a round trip to the database; 503 when the database does not answer. */
  @Public()
  @Get()
  async check(@Res({ passthrough: true }) response: Response) {
    const started = Date.now();
    try {
      await this.em.getConnection().execute('select 1');
      return { status: 'ok', database: { status: 'ok', latencyMs: Date.now() - started } };
    } catch {
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'error', database: { status: 'down' } };
    }
  }
}
