import { DOCUMENT_TYPE_CODES } from '@backend/core/document-types';
import { INCOMING_STATUSES, URGENCIES } from '@backend/core/incoming-documents';

export const URGENCY_CHOICES = URGENCIES.map((id) => ({ id, name: `resources.incoming-documents.urgencies.${id}` }));
export const STATUS_CHOICES = INCOMING_STATUSES.map((id) => ({ id, name: `resources.incoming-documents.statuses.${id}` }));
export const TYPE_CHOICES = DOCUMENT_TYPE_CODES.map((id) => ({ id, name: `resources.number-registers.types.${id}` }));

const thisYear = new Date().getFullYear();
export const YEAR_CHOICES = Array.from({ length: 6 }, (_, offset) => ({ id: thisYear - offset, name: String(thisYear - offset) }));
