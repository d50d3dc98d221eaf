import { ArrayType, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../common/base.entity';
import { INCOMING_STATUSES, URGENCIES, type IncomingStatus, type Urgency } from '../core/incoming-documents';
import { Organisation } from '../organisations/organisation.entity';
import { Plan } from '../plans/plan.entity';
import { User } from '../users/user.entity';

/**
 * One line of an organisation's incoming register (sổ đăng ký văn bản đến, Phụ lục IV): a document
 * received from outside by hand, or a plan delivered inside the system (`plan`). The arrival number
 * is gapless per organisation and year (IncomingCounter).
 */
@Entity()
@Unique({ properties: ['organisation', 'year', 'arrivalNumber'] })
// A plan lands once in each recipient's register, and so does each correction notice of it (its own number).
@Unique({ name: 'incoming_document_plan_document_unique', properties: ['plan', 'organisation', 'documentNumber'] })
@Index({ properties: ['organisation', 'receivedAt'] })
@Index({ name: 'incoming_document_search_idx', expression: 'create index "incoming_document_search_idx" on "incoming_document" using gin ("search_vector")' })
export class IncomingDocument extends BaseEntity<
  'receivedAt' | 'assigneeUnit' | 'assignee' | 'direction' | 'deadline' | 'status' | 'plan' | 'derivedPlanIds' | 'acknowledgedAt' | 'registeredBy' | 'fileName' | 'fileType' | 'fileSize' | 'fileBytes' | 'urgency'
> {
  /** The receiving organisation: the register is its own. */
  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  organisation!: Organisation;

  @Property({ type: 'integer' })
  year!: number;

  /** Số đến */
  @Property({ type: 'integer' })
  arrivalNumber!: number;

  /** The day received (Vietnam's calendar); null while a plan delivered in the system waits for acknowledgement. */
  @Property({ type: 'string', columnType: 'date', nullable: true })
  receivedAt: string | null = null;

  /** Cơ quan ban hành */
  @Property({ type: 'text' })
  sender!: string;

  /** Số và ký hiệu: "224/KH-MTTQ-BTT" */
  @Property({ type: 'text' })
  documentNumber!: string;

  @Property({ type: 'string', columnType: 'date' })
  documentDate!: string;

  /** A code of core/document-types.ts */
  @Property({ type: 'text' })
  documentType!: string;

  /** Trích yếu */
  @Property({ type: 'text' })
  summary!: string;

  @Enum({ items: () => URGENCIES, nativeEnumName: 'incoming_urgency' })
  urgency: Urgency = 'normal';

  /** The unit (a ban, an office) the leader gave the document to, as written. */
  @Property({ type: 'text', nullable: true })
  assigneeUnit: string | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'restrict' })
  assignee: User | null = null;

  /** Ý kiến chỉ đạo */
  @Property({ type: 'text', nullable: true })
  direction: string | null = null;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  deadline: string | null = null;

  @Enum({ items: () => INCOMING_STATUSES, nativeEnumName: 'incoming_status' })
  status: IncomingStatus = 'received';

  /** The plan this entry is, when it came through the system (its document is read through the plan). */
  @ManyToOne(() => Plan, { nullable: true, deleteRule: 'restrict' })
  plan: Plan | null = null;

  /** Plans derived from this entry ("Xây dựng kế hoạch thực hiện"), oldest first. */
  @Property({ type: ArrayType })
  derivedPlanIds: string[] = [];

  @Property({ type: 'datetime', nullable: true })
  acknowledgedAt: Date | null = null;

  /** The clerk who registered it by hand; null for a plan that landed at distribution. */
  @ManyToOne(() => User, { nullable: true, deleteRule: 'restrict' })
  registeredBy: User | null = null;

  /** The scan or file received (PDF, DOCX, image), stored like the issued documents. */
  @Property({ type: 'text', nullable: true })
  fileName: string | null = null;

  @Property({ type: 'text', nullable: true })
  fileType: string | null = null;

  @Property({ type: 'integer', nullable: true })
  fileSize: number | null = null;

  @Property({ type: 'blob', nullable: true, lazy: true })
  fileBytes: Buffer | null = null;

  /**
   * The entry's words for search, folded like the plans' (number and summary A, sender B): written by
   * the database's trigger (migration "incoming_documents"), never here.
   */
  @Property({ columnType: 'tsvector', nullable: true, lazy: true, hidden: true })
  searchVector?: string;
}
