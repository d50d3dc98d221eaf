import type { IncomingDocument } from './incoming-document.entity';

/** An entry as the API answers it: relations by id and name, the file by its name and size (its bytes at /file). */
export function presentIncoming(entry: IncomingDocument) {
  return {
    id: entry.id,
    organisationId: entry.organisation.id,
    year: entry.year,
    arrivalNumber: entry.arrivalNumber,
    receivedAt: entry.receivedAt,
    sender: entry.sender,
    documentNumber: entry.documentNumber,
    documentDate: entry.documentDate,
    documentType: entry.documentType,
    summary: entry.summary,
    urgency: entry.urgency,
    assigneeUnit: entry.assigneeUnit,
    assigneeId: entry.assignee?.id ?? null,
    assigneeName: entry.assignee?.fullName ?? null,
    direction: entry.direction,
    deadline: entry.deadline,
    status: entry.status,
    planId: entry.plan?.id ?? null,
    derivedPlanIds: entry.derivedPlanIds,
    acknowledgedAt: entry.acknowledgedAt,
    registeredById: entry.registeredBy?.id ?? null,
    file: entry.fileName ? { name: entry.fileName, type: entry.fileType, size: entry.fileSize } : null,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
  };
}

export type IncomingDocumentView = ReturnType<typeof presentIncoming>;
