import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import { Button, Card, CardContent, CardHeader, IconButton, List, ListItem, ListItemText, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate, type HttpError } from 'react-admin';
import { UNIT_KINDS } from '@backend/core/organisation-units';
import { useKehoachDataProvider } from '../common/useKehoachDataProvider';
import type { OrganisationUnit, OrganisationUnitInput } from '../types';
import { useRefreshUnits, useUnits } from './useUnits';

const EMPTY: OrganisationUnitInput = { name: '', code: '', kind: 'ban' };

/**
 * "Các ban, văn phòng": the units of the organisation (HD 31-HD/BTCTW). Its users belong to one, and
 * its plans are drafted by one, which the archive line names ("Lưu: VT, BPT.").
 */
export const UnitsPanel = ({ organisationId }: { organisationId: string }) => {
  const translate = useTranslate();
  const { data: units = [] } = useUnits(organisationId);
  const [editing, setEditing] = useState<OrganisationUnit | null>(null);
  return (
    <Card variant="outlined" sx={{ mt: 2, mb: 2 }} data-testid="units-panel">
      <CardHeader
        title={translate('resources.organisations.units.title')}
        subheader={translate('resources.organisations.units.intro')}
        slotProps={{ title: { variant: 'subtitle1', fontWeight: 600 }, subheader: { variant: 'body2' } }}
      />
      <CardContent sx={{ pt: 0 }}>
        <List dense>
          {units.map((unit) => (
            <UnitItem key={unit.id} unit={unit} onEdit={() => setEditing(unit)} />
          ))}
        </List>
        <UnitEditor key={editing?.id ?? 'new'} organisationId={organisationId} unit={editing} onDone={() => setEditing(null)} />
      </CardContent>
    </Card>
  );
};

const UnitItem = ({ unit, onEdit }: { unit: OrganisationUnit; onEdit: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const methods = useKehoachDataProvider();
  const refresh = useRefreshUnits(unit.organisationId);
  const [pending, setPending] = useState(false);
  const onDelete = async () => {
    setPending(true);
    try {
      await methods.deleteUnit(unit.organisationId, unit.id);
      notify('resources.organisations.units.deleted', { type: 'success' });
      await refresh();
    } catch (error) {
      notify((error as HttpError).message, { type: 'error' });
    } finally {
      setPending(false);
    }
  };
  return (
    <ListItem
      disableGutters
      data-testid={`unit-${unit.code}`}
      secondaryAction={
        <>
          <IconButton aria-label={translate('ra.action.edit')} onClick={onEdit}>
            <EditIcon />
          </IconButton>
          <IconButton edge="end" aria-label={translate('ra.action.delete')} onClick={onDelete} disabled={pending}>
            <DeleteIcon />
          </IconButton>
        </>
      }
    >
      <ListItemText primary={`${unit.name} (${unit.code})`} secondary={translate(`resources.organisations.units.kinds.${unit.kind}`)} />
    </ListItem>
  );
};

/** Adds a unit, or changes the one chosen for editing; the server's field errors show under the fields. */
const UnitEditor = ({ organisationId, unit, onDone }: { organisationId: string; unit: OrganisationUnit | null; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const methods = useKehoachDataProvider();
  const refresh = useRefreshUnits(organisationId);
  const [values, setValues] = useState<OrganisationUnitInput>(unit ? { name: unit.name, code: unit.code, kind: unit.kind } : EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const set = (field: keyof OrganisationUnitInput) => (event: { target: { value: string } }) => setValues({ ...values, [field]: event.target.value });
  const onSave = async () => {
    setPending(true);
    try {
      await methods.saveUnit(organisationId, { ...values, code: values.code.trim().toUpperCase() }, unit?.id);
      notify(unit ? 'resources.organisations.units.updated' : 'resources.organisations.units.created', { type: 'success' });
      setValues(EMPTY);
      setErrors({});
      onDone();
      await refresh();
    } catch (error) {
      const { body, message } = error as HttpError;
      setErrors(body?.errors ?? {});
      if (!body?.errors) notify(message, { type: 'error' });
    } finally {
      setPending(false);
    }
  };
  return (
    <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <TextField
        size="small"
        sx={{ width: 260 }}
        label={translate('resources.organisations.units.name')}
        value={values.name}
        onChange={set('name')}
        error={Boolean(errors.name)}
        helperText={errors.name}
        slotProps={{ htmlInput: { 'data-testid': 'unit-name' } }}
      />
      <TextField
        size="small"
        sx={{ width: 140 }}
        label={translate('resources.organisations.units.code')}
        value={values.code}
        onChange={set('code')}
        error={Boolean(errors.code)}
        helperText={errors.code ?? translate('resources.organisations.units.code_help')}
        slotProps={{ htmlInput: { 'data-testid': 'unit-code' } }}
      />
      <TextField select size="small" sx={{ width: 160 }} label={translate('resources.organisations.units.kind')} value={values.kind} onChange={set('kind')}>
        {UNIT_KINDS.map((kind) => (
          <MenuItem key={kind} value={kind}>
            {translate(`resources.organisations.units.kinds.${kind}`)}
          </MenuItem>
        ))}
      </TextField>
      <Button variant="outlined" onClick={onSave} disabled={pending || !values.name.trim() || !values.code.trim()}>
        {translate(unit ? 'ra.action.save' : 'resources.organisations.units.add')}
      </Button>
      {unit && (
        <Button onClick={onDone} disabled={pending}>
          {translate('ra.action.cancel')}
        </Button>
      )}
    </Stack>
  );
};
