import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '../core/vietnamese-date';
import type { Organisation } from '../organisations/organisation.entity';
import { RenderPool } from './render-pool';
import type { NumberRegisterRow } from './rendering';

/** The outgoing register as a landscape DOCX (templates/so-dang-ky-van-ban-di.docx), rendered in the pool. */
@Injectable()
export class NumberRegisterDocumentService {
  constructor(private readonly renderPool: RenderPool) {}

  render(organisation: Organisation, from: CalendarDate, to: CalendarDate, rows: NumberRegisterRow[]): Promise<Buffer> {
    return this.renderPool.renderNumberRegister({ organisationName: organisation.name, bodyName: organisation.bodyName, from, to, rows });
  }
}
