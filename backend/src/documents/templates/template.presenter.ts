import type { OrganisationTemplate } from './organisation-template.entity';

/** A template version as the API answers it: everything but the file itself. */
export function presentTemplate(template: OrganisationTemplate) {
  return {
    id: template.id,
    organisationId: template.organisation.id,
    kind: template.kind,
    version: template.version,
    fileName: template.fileName,
    size: template.size,
    sha256: template.sha256,
    uploadedById: template.uploadedBy.id,
    uploadedByName: template.uploadedBy.fullName ?? null,
    uploadedAt: template.uploadedAt,
    active: template.active,
  };
}
