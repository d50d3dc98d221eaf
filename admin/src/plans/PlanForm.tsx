import type { ReactElement } from 'react';
import { Box, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  RadioButtonGroupInput,
  ReferenceArrayInput,
  ReferenceInput,
  TabbedForm,
  TabbedFormTabs,
  TextInput,
  required,
  type FormTabProps,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { FormRow } from '../common/FormRow';
import { PLAN_KINDS, type PlanContent } from '../types';
import { BodyEditor } from './BodyEditor';
import { DocumentPreview } from './DocumentPreview';
import { DraftingUnitInput } from './DraftingUnitInput';
import { ParagraphsInput, PreambleInput } from './ParagraphsInput';
import { PlanFormToolbar } from './PlanFormToolbar';
import { RecipientsInput } from './RecipientsInput';
import { FormIndicatorsInput, ReportingInput } from './ReportingInputs';
import { toFormValues, toPlanContent } from './planContent';
import { usePreviewInput } from './usePreviewInput';

const KIND_CHOICES = PLAN_KINDS.map((kind) => ({ id: kind, name: `resources.plans.kinds.${kind}` }));

/**
 * The structured editor of a plan's content, one tab per part of the document, the last one the
 * document as it will read. Leaving with unsaved changes asks first.
 */
export const PlanForm = ({ defaultValues, toolbar }: { defaultValues?: PlanContent; toolbar?: ReactElement }) => {
  const record = useRecordContext<PlanContent & { draftingUnit?: { id: string } | null }>();
  const content = defaultValues ?? record;
  // A plan being edited names its drafting unit; a new one leaves it to the server (the drafter's own).
  const unit = defaultValues || !record ? {} : { draftingUnitId: record.draftingUnit?.id ?? null };
  return (
  <TabbedForm defaultValues={content && { ...toFormValues(content), ...unit }} warnWhenUnsavedChanges toolbar={toolbar ?? <PlanFormToolbar />} tabs={<TabbedFormTabs variant="scrollable" scrollButtons="auto" allowScrollButtonsMobile />}>
    <TabbedForm.Tab label="resources.plans.tabs.general">
      <ReferenceInput source="issuerId" reference="organisations" sort={{ field: 'path', order: 'ASC' }}>
        <AutocompleteInput optionText="name" label="resources.plans.fields.issuerId" readOnly fullWidth helperText={false} />
      </ReferenceInput>
      <RadioButtonGroupInput source="kind" label="resources.plans.fields.kind" choices={KIND_CHOICES} validate={required()} />
      <CoIssuersInput />
      <TextInput source="title" label="resources.plans.fields.title" multiline fullWidth validate={required()} helperText="resources.plans.helpers.title" />
      <TextInput source="heading" label="resources.plans.fields.heading" helperText="resources.plans.helpers.heading" sx={{ width: { xs: '100%', sm: 360 } }} />
      <TextInput source="place" label="resources.plans.fields.place" validate={required()} sx={{ width: { xs: '100%', sm: 360 } }} />
      <SignerInputs />
    </TabbedForm.Tab>
    <TabbedForm.Tab label="resources.plans.tabs.content">
      <PreambleInput />
      <BodyEditor />
      <ParagraphsInput source="closing" />
    </TabbedForm.Tab>
    <TabbedForm.Tab label="resources.plans.tabs.recipients">
      <RecipientsInput />
      <DraftingUnitInput />
      <TextInput source="archive" label="resources.plans.fields.archive" helperText="resources.plans.helpers.archive" sx={{ width: { xs: '100%', sm: 360 } }} />
    </TabbedForm.Tab>
    <TabbedForm.Tab label="resources.plans.tabs.reporting">
      <ReportingInput />
      <FormIndicatorsInput />
    </TabbedForm.Tab>
    <PreviewTab label="resources.plans.tabs.preview" />
  </TabbedForm>
  );
};

/**
 * A joint plan names the organisations that co-issue it; each must sign. Offered: those the server
 * lets co-issue with this issuer (its member organisations; never the issuer, never another committee).
 */
const CoIssuersInput = () => {
  const [kind, issuerId] = useWatch({ name: ['kind', 'issuerId'] });
  if (kind !== 'joint_plan') return null;
  return (
    <ReferenceArrayInput
      source="coIssuerIds"
      reference="organisations"
      perPage={200}
      sort={{ field: 'path', order: 'ASC' }}
      filter={{ coIssuerOf: issuerId }}
    >
      <AutocompleteArrayInput
        optionText="name"
        label="resources.plans.fields.coIssuerIds"
        helperText="resources.plans.helpers.coIssuerIds"
        validate={required()}
        fullWidth
      />
    </ReferenceArrayInput>
  );
};

/** The lines of the signature block: "TM. BAN THƯỜNG TRỰC", optional "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH". */
const SignerInputs = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%' }}>
      <Typography variant="subtitle2" color="text.secondary" gutterBottom>
        {translate('resources.plans.fields.signer')}
      </Typography>
      <FormRow>
        <TextInput source="signer.authority" label="resources.plans.fields.signer_authority" validate={required()} />
        <TextInput source="signer.deputy" label="resources.plans.fields.signer_deputy" helperText="resources.plans.helpers.signer_deputy" />
        <TextInput source="signer.title" label="resources.plans.fields.signer_title" validate={required()} />
      </FormRow>
    </Box>
  );
};

/**
 * The preview tab builds its document only while it is shown: react-admin renders every tab, and
 * the preview reads every value, so hidden it would rebuild the whole document at each keystroke.
 */
const PreviewTab = (props: Omit<FormTabProps, 'children'>) => <TabbedForm.Tab {...props}>{!props.hidden && <FormDocumentPreview />}</TabbedForm.Tab>;

/** The document as it would be issued from what is typed now (number and date left blank). */
const FormDocumentPreview = () => {
  const values = useWatch();
  const input = usePreviewInput(toPlanContent(values));
  return input ? <DocumentPreview input={input} /> : null;
};
