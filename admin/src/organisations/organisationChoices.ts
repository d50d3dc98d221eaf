import { ORGANISATION_LEVEL_LABELS, ORGANISATION_LEVELS } from '@backend/core/organisation-levels';

export const KIND_CHOICES = ['committee', 'member_org'].map((kind) => ({ id: kind, name: `resources.organisations.kinds.${kind}` }));
/** The known levels with their labels, as the server checks them (core/organisation-levels.ts). */
export const LEVEL_CHOICES = ORGANISATION_LEVELS.map((level) => ({ id: level, name: ORGANISATION_LEVEL_LABELS[level] }));
