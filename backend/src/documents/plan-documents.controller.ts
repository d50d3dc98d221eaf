import { EntityManager } from '@mikro-orm/postgresql';
import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser } from '../access/decorators';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { PlansService } from '../plans/plans.service';
import { DOCX_CONTENT_TYPE, DocumentsService } from './documents.service';

/** A plan's document files, for whoever may read the plan. */
@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlanDocumentsController {
  constructor(
    private readonly em: EntityManager,
    private readonly plans: PlansService,
    private readonly documents: DocumentsService,
  ) {}

  /** The DOCX: a draft ("DỰ THẢO") before issue; afterwards the stored issued file, byte for byte. */
  @Get(':id/document')
  async document(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Res({ passthrough: true }) response: Response) {
    const plan = await this.plans.findReadable(this.em, user, id);
    const file = await this.documents.file(this.em, plan, user.id);
    response.setHeader('Content-Type', DOCX_CONTENT_TYPE);
    // Express writes a Latin-1 fallback and the UTF-8 name (RFC 6266): a symbol like "KH-LĐLĐ" cannot go into a header raw.
    response.attachment(file.fileName);
    if (file.sha256) response.setHeader('X-Content-SHA256', file.sha256);
    return new StreamableFile(file.bytes);
  }
}
