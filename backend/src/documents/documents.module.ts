import { Module } from '@nestjs/common';
import { DocumentsService } from './documents.service';
import { OrganisationTemplatesController } from './templates/organisation-templates.controller';
import { OrganisationTemplatesService } from './templates/organisation-templates.service';

/** Plan documents (draft and issued DOCX) and the organisations' own templates they are rendered from. */
@Module({
  controllers: [OrganisationTemplatesController],
  providers: [DocumentsService, OrganisationTemplatesService],
  exports: [DocumentsService],
})
export class DocumentsModule {}
