import { EntityManager, FilterQuery, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AbilityFactory, type Action } from '../access/ability.factory';
import type { AuthUser } from '../access/auth-user';
import { conflict, forbidden, invalid, notFound } from '../common/app-error';
import { ListQuery, Page } from '../common/list-query';
import { mayProgress, INCOMING_STATUS_LABELS, type IncomingStatus } from '../core/incoming-documents';
import { vietnamDay } from '../core/reporting-calendar';
import { Organisation } from '../organisations/organisation.entity';
import type { Plan } from '../plans/plan.entity';
import { PlansService } from '../plans/plans.service';
import { User } from '../users/user.entity';
import { implementingOutsideDocument } from './derive-from-entry';
import { recordChange, recordImplementingPlan } from './entry-changes';
import type { CreateIncomingDocumentDto, UpdateIncomingDocumentDto } from './dto/incoming-document.dto';
import { incomingSubject, newIncomingSubject } from './incoming-access';
import { IncomingDocumentChange } from './incoming-document-change.entity';
import { IncomingDocument } from './incoming-document.entity';
import { IncomingRepository } from './incoming.repository';
import { textMatch } from '../search/text-match';

/** The register's own fields (the clerk's), and the assignment's (the leader's). */
const REGISTER_FIELDS = ['receivedAt', 'sender', 'documentNumber', 'documentDate', 'documentType', 'summary', 'urgency'] as const;
const ASSIGNMENT_FIELDS = ['assigneeUnit', 'assigneeId', 'direction', 'deadline'] as const;

/** A file received: its bytes, the name it came with. */
export interface ReceivedFile {
  buffer: Buffer;
  originalname: string;
}

/** The kinds of file a register keeps, known by their first bytes (a name can say anything). */
const FILE_KINDS: { type: string; matches: (bytes: Buffer, name: string) => boolean }[] = [
  { type: 'application/pdf', matches: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', matches: (b, name) => b.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004' && /\.docx$/iu.test(name) },
  { type: 'image/png', matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/jpeg', matches: (b) => b.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])) },
  { type: 'image/tiff', matches: (b) => ['II*\u0000', 'MM\u0000*'].includes(b.subarray(0, 4).toString('latin1')) },
];

/** The incoming documents register (văn bản đến) of each organisation (issue 15, item 5). */
@Injectable()
export class IncomingService {
  constructor(
    private readonly em: EntityManager,
    private readonly abilities: AbilityFactory,
    private readonly repository: IncomingRepository,
    private readonly plans: PlansService,
  ) {}

  /** The caller's organisation's register; filters: q, year, status, urgency, from/to (days received), toHandle. */
  async list(user: AuthUser, query: ListQuery): Promise<Page<IncomingDocument>> {
    const where: Record<string, unknown> = { organisation: user.organisationId };
    if (query.filter.toHandle === true || query.filter.toHandle === 'true') where.$and = [this.waitingFor(user)];
    if (query.filter.year !== undefined) where.year = Number(query.filter.year);
    for (const name of ['status', 'urgency']) if (query.filter[name] !== undefined) where[name] = { $in: ([] as unknown[]).concat(query.filter[name]).map(String) };
    const received: Record<string, string> = {};
    if (query.filter.from !== undefined) received.$gte = String(query.filter.from);
    if (query.filter.to !== undefined) received.$lte = String(query.filter.to);
    if (Object.keys(received).length) where.receivedAt = received;
    // The words as the search box matches them (summary, number, sender; diacritics and case ignored).
    const typed = typeof query.filter.q === 'string' ? textMatch<IncomingDocument>(query.filter.q) : null;
    if (typed) Object.assign(where, typed);
    const [items, total] = await this.em.findAndCount(IncomingDocument, where as FilterQuery<IncomingDocument>, {
      populate: ['assignee'],
      orderBy: [{ [query.sortField]: query.sortOrder }, { year: 'DESC' }, { arrivalNumber: 'DESC' }],
      limit: query.limit,
      offset: query.offset,
    });
    return new Page('incoming-documents', items, total, query.offset);
  }

  /**
   * What waits for the caller in its register: entries given to them and not yet done; for whoever may
   * give them out (the leader), entries received and not yet given to anyone.
   */
  private waitingFor(user: AuthUser): FilterQuery<IncomingDocument> {
    const mine: FilterQuery<IncomingDocument> = { assignee: user.id, status: { $in: ['assigned', 'in_progress'] } };
    const toAssign = this.abilities.createForUser(user).can('ASSIGN', newIncomingSubject(user.organisationId));
    return toAssign ? { $or: [mine, { status: 'received' }] } : mine;
  }

  /** The entry, if the caller may read it (its own organisation's); otherwise 404 as if it did not exist. */
  async findReadable(user: AuthUser, id: string, em: EntityManager = this.em): Promise<IncomingDocument> {
    return this.assertReadable(user, await em.findOne(IncomingDocument, id, { populate: ['assignee'] }));
  }

  /** Same, with the entry's row locked for the rest of the transaction (its assignee joined, not locked). */
  private async lockReadable(user: AuthUser, id: string, em: EntityManager): Promise<IncomingDocument> {
    const entry = await em.findOne(IncomingDocument, id, { lockMode: LockMode.PESSIMISTIC_WRITE, lockTableAliases: ['i0'], populate: ['assignee'], strategy: 'joined' });
    return this.assertReadable(user, entry);
  }

  private assertReadable(user: AuthUser, entry: IncomingDocument | null): IncomingDocument {
    if (!entry || !this.abilities.createForUser(user).can('read', incomingSubject(entry))) throw notFound('Không tìm thấy văn bản đến');
    return entry;
  }

  async create(user: AuthUser, dto: CreateIncomingDocumentDto): Promise<IncomingDocument> {
    if (!this.abilities.createForUser(user).can('create', newIncomingSubject(user.organisationId))) {
      throw forbidden('Chỉ văn thư của cơ quan mới vào sổ văn bản đến');
    }
    const receivedAt = dto.receivedAt ?? vietnamDay(new Date());
    assertNotFuture(receivedAt);
    return this.em.transactional(async (em) => {
      const year = Number(receivedAt.slice(0, 4));
      const entry = em.create(IncomingDocument, {
        organisation: em.getReference(Organisation, user.organisationId),
        year,
        arrivalNumber: await this.repository.takeNumber(em, user.organisationId, year),
        receivedAt,
        sender: dto.sender.trim(),
        documentNumber: dto.documentNumber.trim(),
        documentDate: dto.documentDate,
        documentType: dto.documentType,
        summary: dto.summary.trim(),
        urgency: dto.urgency ?? 'normal',
        registeredBy: em.getReference(User, user.id),
      });
      recordChange(em, entry, user, 'register', { arrivalNumber: entry.arrivalNumber, ...pick(dto, REGISTER_FIELDS) });
      return entry;
    });
  }

  /**
   * One edit, each changed part checked against who may change it: the register's fields (the clerk),
   * the assignment (the leader; an entry received becomes assigned), the status (the assignee, the
   * leader or the clerk, in the order of core/incoming-documents.ts). 403 for a part not the caller's.
   */
  async update(user: AuthUser, id: string, dto: UpdateIncomingDocumentDto): Promise<IncomingDocument> {
    return this.em.transactional(async (em) => {
      const entry = await this.findReadable(user, id, em);
      const statusBefore = entry.status;
      const ability = this.abilities.createForUser(user);
      const allow = (action: Action, message: string) => {
        if (!ability.can(action, incomingSubject(entry))) throw forbidden(message);
      };
      const changes: Record<string, unknown> = {};
      const registerChanges = changed(entry, dto, REGISTER_FIELDS);
      if (Object.keys(registerChanges).length) {
        allow('update', 'Chỉ văn thư của cơ quan mới sửa được sổ văn bản đến');
        if (registerChanges.receivedAt !== undefined) assertSameYear(entry, String(registerChanges.receivedAt));
        Object.assign(entry, registerChanges);
        Object.assign(changes, registerChanges);
      }
      const assignment = changed(entry, dto, ASSIGNMENT_FIELDS);
      if (Object.keys(assignment).length) {
        allow('ASSIGN', 'Chỉ lãnh đạo của cơ quan mới giao xử lý văn bản đến');
        await this.assign(em, entry, assignment);
        Object.assign(changes, assignment);
      }
      // The status as the caller saw it is no change, even when the assignment has just moved it.
      if (dto.status !== undefined && dto.status !== statusBefore && dto.status !== entry.status) {
        allow('PROGRESS', 'Chỉ người được giao, lãnh đạo hoặc văn thư mới cập nhật được tình trạng xử lý');
        if (!mayProgress(entry.status, dto.status)) throw statusConflict(entry.status, dto.status);
        entry.status = dto.status;
      }
      if (entry.status !== statusBefore) changes.status = entry.status;
      if (Object.keys(changes).length) recordChange(em, entry, user, 'edit', changes);
      return entry;
    });
  }

  private async assign(em: EntityManager, entry: IncomingDocument, assignment: Record<string, unknown>): Promise<void> {
    if (entry.status === 'pending') throw conflict('NOT_RECEIVED', 'Văn bản chưa được tiếp nhận: xác nhận đã nhận kế hoạch trước khi giao xử lý');
    if (assignment.assigneeId !== undefined) {
      const assigneeId = assignment.assigneeId as string | null;
      const assignee = assigneeId ? await em.findOne(User, { id: assigneeId, organisation: entry.organisation, active: true }) : null;
      if (assigneeId && !assignee) throw invalid({ assigneeId: 'phải là một người dùng đang hoạt động của cơ quan' });
      entry.assignee = assignee;
    }
    for (const field of ['assigneeUnit', 'direction', 'deadline'] as const) {
      if (assignment[field] !== undefined) entry[field] = (assignment[field] as string | null)?.trim() || null;
    }
    if (entry.status === 'received' && (entry.assignee || entry.assigneeUnit)) entry.status = 'assigned';
  }

  /** Only an entry the clerk registered by hand, not yet assigned nor derived from: the last one's number is given back. */
  async remove(user: AuthUser, id: string): Promise<void> {
    await this.em.transactional(async (em) => {
      // Locked: a derive from it under way finishes first, and its link is seen below.
      const entry = await this.lockReadable(user, id, em);
      if (!this.abilities.createForUser(user).can('delete', incomingSubject(entry))) throw forbidden('Chỉ văn thư của cơ quan mới xóa được văn bản đến');
      if (entry.plan || entry.status !== 'received' || entry.derivedPlanIds.length) {
        throw conflict('IN_USE', 'Chỉ xóa được văn bản vào sổ bằng tay, chưa giao xử lý và chưa dùng để xây dựng kế hoạch', { status: entry.status });
      }
      await this.repository.giveBackIfLast(em, entry.organisation.id, entry.year, entry.arrivalNumber);
      em.remove(entry);
    });
  }

  /** The scan or file received (PDF, DOCX, image): 400 for another kind; the controller's limit answers 413. */
  async putFile(user: AuthUser, id: string, file: ReceivedFile | undefined): Promise<IncomingDocument> {
    if (!file?.buffer.length) throw invalid({ file: 'chưa chọn tệp, hoặc tệp rỗng' });
    const kind = FILE_KINDS.find((k) => k.matches(file.buffer, file.originalname));
    if (!kind) throw invalid({ file: 'chỉ nhận tệp PDF, Word (.docx) hoặc ảnh quét (PNG, JPEG, TIFF)' });
    return this.em.transactional(async (em) => {
      const entry = await this.findReadable(user, id, em);
      if (!this.abilities.createForUser(user).can('update', incomingSubject(entry))) throw forbidden('Chỉ văn thư của cơ quan mới tải lên tệp văn bản đến');
      Object.assign(entry, { fileName: file.originalname, fileType: kind.type, fileSize: file.buffer.length, fileBytes: file.buffer });
      recordChange(em, entry, user, 'file', { fileName: file.originalname, fileSize: file.buffer.length });
      return entry;
    });
  }

  async file(user: AuthUser, id: string): Promise<{ name: string; type: string; bytes: Buffer }> {
    const entry = await this.findReadable(user, id);
    if (!entry.fileName) throw notFound('Văn bản đến này chưa có tệp đính kèm');
    await this.em.populate(entry, ['fileBytes']);
    return { name: entry.fileName, type: entry.fileType!, bytes: entry.fileBytes! };
  }

  /**
   * "Xây dựng kế hoạch thực hiện" from an entry: a plan received through the system goes through the
   * plans' own derive (plans/derive.ts); a document from outside gets a draft citing the entry. The plan
   * and the entry's link to it are written together or not at all; the entry is locked first, so a
   * clerk deleting it meanwhile waits and then finds it in use.
   */
  async derive(user: AuthUser, id: string): Promise<Plan> {
    return this.em.transactional(async (em) => {
      const entry = await this.lockReadable(user, id, em);
      if (!this.abilities.createForUser(user).can('DERIVE', incomingSubject(entry))) {
        throw forbidden('Chỉ chuyên viên soạn thảo của cơ quan mới xây dựng được kế hoạch thực hiện');
      }
      const plan = entry.plan ? await this.plans.deriveIn(em, user, entry.plan.id) : await this.deriveFromOutside(em, user, entry);
      recordImplementingPlan(em, entry, user, plan.id);
      return plan;
    });
  }

  private async deriveFromOutside(em: EntityManager, user: AuthUser, entry: IncomingDocument): Promise<Plan> {
    const own = await em.findOneOrFail(Organisation, user.organisationId);
    const children = await em.find(Organisation, { parent: own, kind: 'committee' }, { orderBy: { name: 'ASC' } });
    return this.plans.createIn(em, user, implementingOutsideDocument(entry, own, children));
  }

  /** Each change of the entry: who, when, what; the person it was given to by name too (the page shows no ids). */
  async history(user: AuthUser, id: string) {
    const entry = await this.findReadable(user, id);
    const changes = await this.em.find(IncomingDocumentChange, { document: entry }, { populate: ['actor'], orderBy: { at: 'ASC', id: 'ASC' } });
    const assignees = await this.namesOf(changes.map((c) => c.changes.assigneeId));
    return changes.map((c) => ({
      at: c.at,
      actor: c.actor ? { id: c.actor.id, fullName: c.actor.fullName } : null,
      action: c.action,
      changes: c.changes,
      assigneeName: assignees.get(c.changes.assigneeId as string) ?? null,
    }));
  }

  private async namesOf(userIds: unknown[]): Promise<Map<string, string>> {
    const ids = [...new Set(userIds.filter((id): id is string => typeof id === 'string'))];
    const users = ids.length ? await this.em.find(User, { id: { $in: ids } }, { fields: ['id', 'fullName'] }) : [];
    return new Map(users.map((u) => [u.id, u.fullName]));
  }
}

/** The fields of the edit (text trimmed) whose value differs from the entry's (the assignee by id). */
function changed(entry: IncomingDocument, dto: UpdateIncomingDocumentDto, fields: readonly string[]): Record<string, unknown> {
  const current = (field: string) => (field === 'assigneeId' ? (entry.assignee?.id ?? null) : (entry as unknown as Record<string, unknown>)[field]);
  const value = (field: string) => {
    const given = (dto as Record<string, unknown>)[field];
    return typeof given === 'string' ? given.trim() : given;
  };
  return Object.fromEntries(fields.filter((f) => value(f) !== undefined && value(f) !== current(f)).map((f) => [f, value(f)]));
}

function pick(dto: object, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => (dto as Record<string, unknown>)[f] !== undefined).map((f) => [f, (dto as Record<string, unknown>)[f]]));
}

function assertNotFuture(day: string): void {
  if (day > vietnamDay(new Date())) throw invalid({ receivedAt: 'ngày đến không được sau hôm nay' });
}

/** The arrival number belongs to the year's register: a date received moves within that year only. */
function assertSameYear(entry: IncomingDocument, receivedAt: string): void {
  assertNotFuture(receivedAt);
  if (Number(receivedAt.slice(0, 4)) !== entry.year) throw invalid({ receivedAt: `phải trong năm ${entry.year}, năm của sổ đã cấp số đến` });
}

function statusConflict(from: IncomingStatus, to: IncomingStatus) {
  return conflict('ILLEGAL_TRANSITION', `Không thể chuyển văn bản đến từ "${INCOMING_STATUS_LABELS[from]}" sang "${INCOMING_STATUS_LABELS[to]}"`, { status: from });
}
