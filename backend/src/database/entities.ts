import { AuditRecord } from '../audit/audit-record.entity';
import { LoginFailure } from '../auth/login-failure.entity';
import { Session } from '../auth/session.entity';
import { IssuedDocument } from '../documents/issued-document.entity';
import { PendingPdfSignature } from '../documents/pending-pdf-signature.entity';
import { PlanPdf } from '../documents/plan-pdf.entity';
import { OrganisationTemplate } from '../documents/templates/organisation-template.entity';
import { NumberCounter } from '../numbering/number-counter.entity';
import { NumberSeries } from '../numbering/number-series.entity';
import { RegisterEntry } from '../numbering/register-entry.entity';
import { Delivery } from '../distribution/delivery.entity';
import { ReminderRun, Report, ReportReminder, ReportRevision } from '../reports/report.entity';
import { ReportingRound } from '../plans/reporting-round.entity';
import { Organisation } from '../organisations/organisation.entity';
import { OrganisationChange } from '../organisation-changes/organisation-change.entity';
import { OrganisationUnit } from '../organisations/organisation-unit.entity';
import { PlanVersion } from '../plans/plan-version.entity';
import { Plan } from '../plans/plan.entity';
import { Signature } from '../plans/signature.entity';
import { SignatureImage } from '../signing/signature-image.entity';
import { SigningCredential } from '../signing/signing-credential.entity';
import { TrustAnchor } from '../signing/trust-anchor.entity';
import { User } from '../users/user.entity';
import { UserCapacity } from '../users/user-capacity.entity';
import { NotificationSettings } from '../notifications/notification-settings.entity';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { IncomingCounter } from '../incoming/incoming-counter.entity';
import { IncomingDocumentChange } from '../incoming/incoming-document-change.entity';
import { IncomingDocument } from '../incoming/incoming-document.entity';
import { CorrectionReading, PlanCorrection } from '../corrections/plan-correction.entity';

/** Every entity, listed once: the ORM, the migration generator and the tests share this list. */
export const ENTITIES = [Organisation, User, Plan, PlanVersion, Signature, AuditRecord, RegisterEntry, NumberCounter, NumberSeries, IssuedDocument, OrganisationTemplate,
  Delivery, ReportingRound, Report, ReportRevision, ReportReminder, ReminderRun, Session, LoginFailure, PlanPdf, PendingPdfSignature, SigningCredential, SignatureImage, TrustAnchor,
  OutboxMessage, NotificationSettings, OrganisationChange, UserCapacity, OrganisationUnit,
  IncomingDocument, IncomingCounter, IncomingDocumentChange,
  PlanCorrection, CorrectionReading,
];
