import { Box, Button, Card, CardContent, CardHeader, Chip, Stack, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import {
  EditButton,
  Labeled,
  LinkBase,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCreatePath,
  useNotify,
  useRecordContext,
  useRedirect,
  useTranslate,
  type HttpError,
} from 'react-admin';
import { useAbility } from '../ability';
import { DateText } from '../common/DateText';
import { formatDate, formatDateTime } from '../common/dates';
import { DownloadButton } from '../common/DownloadButton';
import { useKehoachDataProvider, useKehoachQuery } from '../common/useKehoachDataProvider';
import type { IncomingChange, IncomingDocument } from '../types';
import { STATUS_CHOICES, TYPE_CHOICES, URGENCY_CHOICES } from './choices';
import { label } from './IncomingForm';

/**
 * An entry of the register: the document, its file, the assignment with direction and deadline, its plan, its history.
 * The fields set side by side are labelled by hand: SimpleShowLayout labels only its direct children.
 */
export const IncomingShow = () => (
  <Show actions={<ShowActions />}>
    <SimpleShowLayout>
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled>
          <TextField source="arrivalNumber" label={label('arrivalNumber')} />
        </Labeled>
        <Labeled>
          <DateText source="receivedAt" label={label('receivedAt')} />
        </Labeled>
        <Labeled>
          <SelectField source="urgency" label={label('urgency')} choices={URGENCY_CHOICES} />
        </Labeled>
        <Labeled>
          <SelectField source="status" label={label('status')} choices={STATUS_CHOICES} />
        </Labeled>
      </Stack>
      <TextField source="sender" label={label('sender')} />
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled>
          <TextField source="documentNumber" label={label('documentNumber')} />
        </Labeled>
        <Labeled>
          <DateText source="documentDate" label={label('documentDate')} />
        </Labeled>
        <Labeled>
          <SelectField source="documentType" label={label('documentType')} choices={TYPE_CHOICES} />
        </Labeled>
      </Stack>
      <TextField source="summary" label={label('summary')} />
      <FileLine />
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled>
          <TextField source="assigneeUnit" label={label('assigneeUnit')} emptyText="—" />
        </Labeled>
        <Labeled>
          <TextField source="assigneeName" label={label('assigneeId')} emptyText="—" />
        </Labeled>
        <Labeled>
          <DateText source="deadline" label={label('deadline')} />
        </Labeled>
      </Stack>
      <TextField source="direction" label={label('direction')} emptyText="—" sx={{ whiteSpace: 'pre-line' }} />
      <PlanLinks />
      <History />
    </SimpleShowLayout>
  </Show>
);

/** Wrapping: on a phone (390 px) the actions would run off the left edge, the derive button first. */
const ShowActions = () => (
  <TopToolbar sx={{ flexWrap: 'wrap', whiteSpace: 'normal' }}>
    <DeriveButton />
    <EditButton />
  </TopToolbar>
);

/** "Xây dựng kế hoạch thực hiện": a new draft of the caller's organisation citing the entry, opened in the editor. */
const DeriveButton = () => {
  const entry = useRecordContext<IncomingDocument>();
  const ability = useAbility();
  const methods = useKehoachDataProvider();
  const redirect = useRedirect();
  const notify = useNotify();
  const translate = useTranslate();
  const { mutate, isPending } = useMutation({
    mutationFn: (id: string) => methods.deriveFromIncoming(id),
    onSuccess: (plan) => redirect('edit', 'plans', plan.id),
    onError: (error: HttpError) => notify(error.message || 'resources.incoming-documents.notifications.derive_failed', { type: 'error' }),
  });
  if (!entry || !ability.can('DERIVE', 'IncomingDocument')) return null;
  return (
    <Button size="small" variant="contained" disabled={isPending} onClick={() => mutate(entry.id)} data-testid="derive-from-incoming">
      {translate('resources.incoming-documents.actions.derive')}
    </Button>
  );
};

const FileLine = () => {
  const entry = useRecordContext<IncomingDocument>();
  const methods = useKehoachDataProvider();
  const translate = useTranslate();
  if (!entry?.file) return null;
  return (
    <Labeled label={label('file')}>
      <Box>
        <DownloadButton
          download={() => methods.downloadIncomingFile(entry)}
          label={`${translate('resources.incoming-documents.actions.download')}: ${entry.file.name}`}
          failedMessage={translate('resources.incoming-documents.notifications.download_failed')}
        />
      </Box>
    </Labeled>
  );
};

/** The plan this entry is (received through the system), and the implementing plans drafted from it. */
const PlanLinks = () => {
  const entry = useRecordContext<IncomingDocument>();
  const createPath = useCreatePath();
  const translate = useTranslate();
  if (!entry) return null;
  const link = (id: string, text: string) => (
    <Button key={id} size="small" component={LinkBase} to={createPath({ resource: 'plans', id, type: 'show' })}>
      {text}
    </Button>
  );
  return (
    <>
      {entry.planId && <Labeled label={label('planId')}>{link(entry.planId, translate('resources.incoming-documents.actions.open_plan'))}</Labeled>}
      {entry.derivedPlanIds.length > 0 && (
        <Labeled label={label('derivedPlanIds')}>
          <Stack direction="row" spacing={1}>
            {entry.derivedPlanIds.map((id, i) => link(id, `${translate('resources.incoming-documents.actions.open_plan')} ${i + 1}`))}
          </Stack>
        </Labeled>
      )}
    </>
  );
};

/** Each change of the entry: who, when, what (each field by its label, its value as the page shows it). */
const History = () => {
  const entry = useRecordContext<IncomingDocument>();
  const translate = useTranslate();
  const { data: changes = [] } = useKehoachQuery(['incoming-history', entry?.id, entry?.updatedAt], (methods) => methods.getIncomingHistory(entry!.id), !!entry);
  return (
    <Card variant="outlined" sx={{ width: '100%' }}>
      <CardHeader title={translate('resources.incoming-documents.sections.history')} titleTypographyProps={{ variant: 'subtitle1' }} />
      <CardContent>
        {changes.map((change, i) => (
          <Stack key={i} direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 0.5 }} data-testid="incoming-history-line">
            <Typography variant="body2" color="text.secondary">{formatDateTime(change.at)}</Typography>
            <Chip size="small" label={translate(`resources.incoming-documents.history.${change.action}`, { _: change.action })} />
            <Typography variant="body2">{change.actor?.fullName ?? translate('resources.incoming-documents.history.system')}</Typography>
            {Object.entries(change.changes).map(([field, value]) => (
              <Typography key={field} variant="caption" color="text.secondary">
                {translate(changeLabel(change.action, field), { _: field })}: <ChangedValue field={field} value={value} change={change} />
              </Typography>
            ))}
          </Stack>
        ))}
      </CardContent>
    </Card>
  );
};

/** The plan of a "derive" line is the implementing plan drafted; of a landed plan's "register" line, the plan received. */
const changeLabel = (action: string, field: string) =>
  action === 'derive' && field === 'planId' ? 'resources.incoming-documents.history.derived_plan' : label(field);

const CHOICES = new Map<string, readonly { id: string; name: string }[]>([['status', STATUS_CHOICES], ['urgency', URGENCY_CHOICES], ['documentType', TYPE_CHOICES]]);
const DAY_FIELDS = ['receivedAt', 'documentDate', 'deadline'];
const kilobytes = new Intl.NumberFormat('vi-VN', { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 });

/** A value as the page shows it: states, urgency and types in words, days as 15/04/2022, a person by name, a plan as a link. */
const ChangedValue = ({ field, value, change }: { field: string; value: unknown; change: IncomingChange }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (value === null || value === undefined || value === '') return <>—</>;
  if (field === 'planId') {
    return (
      <LinkBase to={createPath({ resource: 'plans', id: String(value), type: 'show' })}>
        {translate('resources.incoming-documents.actions.open_plan')}
      </LinkBase>
    );
  }
  const choices = CHOICES.get(field);
  if (choices) return <>{translate(choices.find((choice) => choice.id === value)?.name ?? String(value))}</>;
  if (DAY_FIELDS.includes(field)) return <>{formatDate(String(value))}</>;
  if (field === 'assigneeId') return <>{change.assigneeName ?? '—'}</>;
  if (field === 'fileSize') return <>{kilobytes.format(Number(value) / 1024)}</>;
  return <>{String(value)}</>;
};
