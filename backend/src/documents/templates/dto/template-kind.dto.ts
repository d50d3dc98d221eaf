import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { TEMPLATE_KINDS, type TemplateKind } from '../../../core/template-kinds';

const KIND_MESSAGE = `phải là một trong: ${TEMPLATE_KINDS.join(', ')}`;

/** `single`: the template of a plan of one issuer (ke-hoach.docx); `joint`: of a joint plan (ke-hoach-phoi-hop.docx). */
export class TemplateKindDto {
  @ApiProperty({ enum: TEMPLATE_KINDS })
  @IsIn(TEMPLATE_KINDS, { message: KIND_MESSAGE })
  kind!: TemplateKind;
}
