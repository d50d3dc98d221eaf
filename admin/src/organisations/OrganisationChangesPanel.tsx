import { useState } from 'react';
import {
  Alert,
  Autocomplete,
  Button,
  Card,
  CardContent,
  CardHeader,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useGetList, useGetOne, useNotify, useRefresh, useTranslate, type HttpError } from 'react-admin';
import { ORGANISATION_CHANGE_LABELS } from '@backend/core/organisation-levels';
import { useAbility } from '../ability';
import { formatDate, todayInVietnam } from '../common/dates';
import { useKehoachDataProvider, useKehoachQuery } from '../common/useKehoachDataProvider';
import type { Organisation, OrganisationChange, OrganisationChangeKind } from '../types';

const T = 'resources.organisations.changes';
const changesKey = (id: string) => ['organisation-changes', id];

/**
 * "Thay đổi tổ chức": rename, move, merge others into this one, dissolve it — each with the day it takes
 * effect, recorded — and the organisation's history. A merged or dissolved organisation says so and
 * changes no more (a change is undone only by a new change).
 */
export const OrganisationChangesPanel = ({ organisationId }: { organisationId: string }) => {
  const translate = useTranslate();
  const ability = useAbility();
  const { data: organisation } = useGetOne<Organisation>('organisations', { id: organisationId });
  const { data: changes } = useKehoachQuery(changesKey(organisationId), (methods) => methods.getOrganisationChanges(organisationId));
  const [dialog, setDialog] = useState<OrganisationChangeKind | null>(null);
  if (!organisation) return null;
  const ended = organisation.dissolvedOn !== null;
  return (
    <Card variant="outlined" sx={{ mt: 2 }} data-testid="organisation-changes">
      <CardHeader title={translate(`${T}.title`)} subheader={translate(`${T}.intro`)} slotProps={{ title: { variant: 'subtitle1', fontWeight: 600 }, subheader: { variant: 'body2' } }} />
      <CardContent sx={{ pt: 0 }}>
        {ended && <Alert severity="warning" sx={{ mb: 2 }}>{translate(`${T}.ended`, { date: formatDate(organisation.dissolvedOn!) })}</Alert>}
        {!ended && ability.can('update', 'Organisation') && (
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
            {(['rename', 'move', 'merge', 'dissolve'] as const).map((kind) => (
              <Button key={kind} variant="outlined" color={kind === 'dissolve' ? 'error' : 'primary'} onClick={() => setDialog(kind)}>
                {translate(`${T}.actions.${kind}`)}
              </Button>
            ))}
          </Stack>
        )}
        {changes && <ChangeHistory changes={changes} />}
      </CardContent>
      {dialog && <ChangeDialog organisation={organisation} kind={dialog} onClose={() => setDialog(null)} />}
    </Card>
  );
};

const ChangeHistory = ({ changes }: { changes: OrganisationChange[] }) => {
  const translate = useTranslate();
  if (!changes.length) return <Alert severity="info">{translate(`${T}.none`)}</Alert>;
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{translate(`${T}.effectiveOn`)}</TableCell>
          <TableCell>{translate(`${T}.kind`)}</TableCell>
          <TableCell>{translate(`${T}.what`)}</TableCell>
          <TableCell>{translate(`${T}.by`)}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {changes.map((change) => (
          <TableRow key={change.id}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(change.effectiveOn)}</TableCell>
            <TableCell>{ORGANISATION_CHANGE_LABELS[change.kind]}</TableCell>
            <TableCell>{describe(change, translate)}</TableCell>
            <TableCell>{change.createdBy.fullName}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

type Named = { id: string; name: string } | null | undefined;

/** One line saying what the change did, from the names it recorded. */
function describe(change: OrganisationChange, translate: ReturnType<typeof useTranslate>): string {
  const details = change.details as { before?: { name: string }; after?: { name: string }; oldParent?: Named; newParent?: Named; successor?: Named };
  switch (change.kind) {
    case 'rename':
      return translate(`${T}.described.rename`, { before: details.before?.name, after: details.after?.name });
    case 'move':
      return translate(`${T}.described.move`, { from: details.oldParent?.name ?? '—', to: details.newParent?.name });
    default:
      return translate(`${T}.described.${change.kind}`, { organisation: change.organisationName, successor: details.successor?.name });
  }
}

/** The fields each change asks for besides its effective date. */
type Fields = { name: string; shortName: string; symbol: string; bodyName: string; parentId: string | null; organisationIds: string[]; successorId: string | null; childrenParentId: string | null };

const ChangeDialog = ({ organisation, kind, onClose }: { organisation: Organisation; kind: OrganisationChangeKind; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const methods = useKehoachDataProvider();
  const [effectiveOn, setEffectiveOn] = useState(todayInVietnam());
  const [fields, setFields] = useState<Fields>({
    name: organisation.name, shortName: organisation.shortName, symbol: organisation.symbol, bodyName: organisation.bodyName,
    parentId: null, organisationIds: [], successorId: null, childrenParentId: null,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (patch: Partial<Fields>) => setFields((current) => ({ ...current, ...patch }));
  const { mutate, isPending } = useMutation({
    mutationFn: () => methods.changeOrganisation(organisation.id, kind, { ...bodyOf(kind, fields), effectiveOn }),
    onSuccess: () => {
      notify(`${T}.done`, { type: 'success' });
      void queryClient.invalidateQueries({ queryKey: changesKey(organisation.id) });
      refresh();
      onClose();
    },
    onError: (error: HttpError) => {
      setErrors((error.body as { errors?: Record<string, string> } | undefined)?.errors ?? {});
      notify(error.message || 'ra.notification.http_error', { type: 'error' });
    },
  });
  const errorOf = (field: string) => Object.entries(errors).find(([key]) => key === field || key.startsWith(`${field}.`))?.[1];
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="organisation-change-title">
      <DialogTitle id="organisation-change-title">{translate(`${T}.actions.${kind}`)}</DialogTitle>
      <DialogContent>
        <Alert severity={kind === 'dissolve' || kind === 'merge' ? 'warning' : 'info'} sx={{ mb: 1 }}>{translate(`${T}.explain.${kind}`)}</Alert>
        {kind === 'rename' &&
          (['name', 'shortName', 'symbol', 'bodyName'] as const).map((field) => (
            <TextField key={field} fullWidth margin="dense" label={translate(`resources.organisations.fields.${field}`)} value={fields[field]}
              onChange={(event) => set({ [field]: event.target.value })} error={!!errorOf(field)} helperText={errorOf(field)} />
          ))}
        {kind === 'move' && <OrganisationPicker label={`${T}.fields.parentId`} exclude={organisation.id} value={fields.parentId} onChange={(parentId) => set({ parentId })} error={errorOf('parentId')} />}
        {kind === 'merge' && <OrganisationsPicker exclude={organisation.id} value={fields.organisationIds} onChange={(organisationIds) => set({ organisationIds })} error={errorOf('organisationIds')} />}
        {kind === 'dissolve' && (
          <>
            <OrganisationPicker label={`${T}.fields.successorId`} exclude={organisation.id} value={fields.successorId} onChange={(successorId) => set({ successorId })} error={errorOf('successorId')} />
            <OrganisationPicker label={`${T}.fields.childrenParentId`} exclude={organisation.id} value={fields.childrenParentId} onChange={(childrenParentId) => set({ childrenParentId })}
              error={errorOf('childrenParentId')} helperText={translate(`${T}.fields.childrenParentId_help`)} />
          </>
        )}
        <TextField fullWidth margin="dense" type="date" label={translate(`${T}.effectiveOn`)} value={effectiveOn} onChange={(event) => setEffectiveOn(event.target.value)}
          error={!!errorOf('effectiveOn')} helperText={errorOf('effectiveOn')} slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: todayInVietnam() } }} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={isPending}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" color={kind === 'dissolve' ? 'error' : 'primary'} onClick={() => mutate()} disabled={isPending}>
          {translate(`${T}.confirm`)}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** The request body of each change: only the fields it takes. */
function bodyOf(kind: OrganisationChangeKind, fields: Fields): Record<string, unknown> {
  switch (kind) {
    case 'rename':
      return { name: fields.name, shortName: fields.shortName, symbol: fields.symbol, bodyName: fields.bodyName };
    case 'move':
      return { parentId: fields.parentId };
    case 'merge':
      return { organisationIds: fields.organisationIds };
    case 'dissolve':
      return { successorId: fields.successorId, ...(fields.childrenParentId ? { childrenParentId: fields.childrenParentId } : {}) };
  }
}

/** Organisations that still exist, this one left out. */
const useActiveOrganisations = (exclude: string) => {
  const { data } = useGetList<Organisation>('organisations', { filter: { active: true }, sort: { field: 'path', order: 'ASC' }, pagination: { page: 1, perPage: 500 } });
  return (data ?? []).filter((organisation) => organisation.id !== exclude);
};

type PickerProps = { label: string; exclude: string; value: string | null; onChange: (id: string | null) => void; error?: string; helperText?: string };

const OrganisationPicker = ({ label, exclude, value, onChange, error, helperText }: PickerProps) => {
  const translate = useTranslate();
  const options = useActiveOrganisations(exclude);
  return (
    <Autocomplete
      options={options}
      getOptionLabel={(organisation) => organisation.name}
      value={options.find((organisation) => organisation.id === value) ?? null}
      onChange={(_, organisation) => onChange(organisation?.id ?? null)}
      renderInput={(params) => <TextField {...params} margin="dense" label={translate(label)} error={!!error} helperText={error ?? helperText} />}
    />
  );
};

const OrganisationsPicker = ({ exclude, value, onChange, error }: { exclude: string; value: string[]; onChange: (ids: string[]) => void; error?: string }) => {
  const translate = useTranslate();
  const options = useActiveOrganisations(exclude);
  return (
    <Autocomplete
      multiple
      options={options}
      getOptionLabel={(organisation) => organisation.name}
      value={options.filter((organisation) => value.includes(organisation.id))}
      onChange={(_, organisations) => onChange(organisations.map((organisation) => organisation.id))}
      renderInput={(params) => <TextField {...params} margin="dense" label={translate(`${T}.fields.organisationIds`)} error={!!error} helperText={error} />}
    />
  );
};
