import { useState } from 'react';
import {
  Alert,
  Autocomplete,
  Button,
  Card,
  CardContent,
  CardHeader,
  Checkbox,
  FormControlLabel,
  FormGroup,
  IconButton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useGetList, useNotify, useTranslate, type HttpError } from 'react-admin';
import { useAbility } from '../ability';
import { problemsOf } from '../common/problemsOf';
import { useKehoachDataProvider, useKehoachQuery } from '../common/useKehoachDataProvider';
import type { Capacity, Organisation, Role } from '../types';
import { ROLE_CHOICES } from './roleChoices';

/** A capacity holds any role but the whole system's. */
const CAPACITY_ROLE_CHOICES = ROLE_CHOICES.filter((choice) => choice.id !== 'sysadmin');

const capacitiesKey = (userId: string) => ['capacities', userId];

/**
 * "Kiêm nhiệm" on a user's page: the roles this person holds in other organisations besides their own,
 * each with the title they sign under there. For administrators; the server checks that the organisation
 * lies in the caller's subtree.
 */
export const CapacitiesPanel = ({ userId }: { userId: string }) => {
  const ability = useAbility();
  return ability.can('update', 'User') ? <Capacities userId={userId} /> : null;
};

const Capacities = ({ userId }: { userId: string }) => {
  const translate = useTranslate();
  const { data, error } = useKehoachQuery(capacitiesKey(userId), (methods) => methods.getCapacities(userId));
  return (
    <Card variant="outlined" sx={{ mt: 2, mb: 2 }} data-testid="capacities-panel">
      <CardHeader
        title={translate('kehoach.capacities.title')}
        subheader={translate('kehoach.capacities.intro')}
        slotProps={{ title: { variant: 'subtitle1', fontWeight: 600 }, subheader: { variant: 'body2' } }}
      />
      <CardContent sx={{ pt: 0 }}>
        {error ? (
          <Alert severity="error">{(error as HttpError).message}</Alert>
        ) : (
          <Stack spacing={2}>
            {data && <CapacityTable userId={userId} capacities={data} />}
            <AddCapacity userId={userId} />
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};

/** A mutation on the user's capacities: the list is read again after it, the server's reasons shown if refused. */
function useCapacityChange<Args>(userId: string, change: (args: Args) => Promise<unknown>, doneMessage: string, onDone?: () => void) {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [problems, setProblems] = useState<string[]>([]);
  const { mutate, isPending } = useMutation({
    mutationFn: change,
    onMutate: () => setProblems([]),
    onSuccess: () => {
      onDone?.();
      notify(doneMessage, { type: 'success' });
      return queryClient.invalidateQueries({ queryKey: capacitiesKey(userId) });
    },
    onError: (error: HttpError) => setProblems(problemsOf(error)),
  });
  return { mutate, isPending, problems };
}

const CapacityTable = ({ userId, capacities }: { userId: string; capacities: Capacity[] }) => {
  const translate = useTranslate();
  const methods = useKehoachDataProvider();
  const { mutate, isPending, problems } = useCapacityChange(userId, (id: string) => methods.removeCapacity(userId, id), 'kehoach.capacities.removed');
  if (!capacities.length) return <Typography variant="body2">{translate('kehoach.capacities.none')}</Typography>;
  return (
    <>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('kehoach.capacities.organisation')}</TableCell>
            <TableCell>{translate('kehoach.capacities.roles')}</TableCell>
            <TableCell>{translate('kehoach.capacities.signer_title')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {capacities.map((capacity) => (
            <TableRow key={capacity.id}>
              <TableCell>{capacity.organisationName}</TableCell>
              <TableCell>{capacity.roles.map((role) => translate(`resources.users.roles.${role}`)).join(', ')}</TableCell>
              <TableCell>{capacity.title ?? translate('kehoach.capacities.organisation_title')}</TableCell>
              <TableCell align="right">
                <IconButton aria-label={translate('kehoach.capacities.remove')} title={translate('kehoach.capacities.remove')} disabled={isPending} onClick={() => mutate(capacity.id)}>
                  <DeleteIcon fontSize="small" />
                </IconButton>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Problems problems={problems} />
    </>
  );
};

const AddCapacity = ({ userId }: { userId: string }) => {
  const translate = useTranslate();
  const methods = useKehoachDataProvider();
  const { data: organisations = [] } = useGetList<Organisation>('organisations', { pagination: { page: 1, perPage: 500 }, sort: { field: 'path', order: 'ASC' } });
  const [organisation, setOrganisation] = useState<Organisation | null>(null);
  const [roles, setRoles] = useState<Role[]>([]);
  const [title, setTitle] = useState('');
  const reset = () => {
    setOrganisation(null);
    setRoles([]);
    setTitle('');
  };
  const { mutate, isPending, problems } = useCapacityChange(
    userId,
    () => methods.addCapacity(userId, { organisationId: organisation!.id, roles, ...(title.trim() ? { title: title.trim() } : {}) }),
    'kehoach.capacities.added',
    reset,
  );
  const toggle = (role: Role) => setRoles((current) => (current.includes(role) ? current.filter((r) => r !== role) : [...current, role]));
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle2">{translate('kehoach.capacities.add_title')}</Typography>
      <Autocomplete
        options={organisations}
        getOptionLabel={(option) => option.name}
        value={organisation}
        onChange={(_, value) => setOrganisation(value)}
        renderInput={(params) => <TextField {...params} size="small" label={translate('kehoach.capacities.organisation')} />}
      />
      <FormGroup row>
        {CAPACITY_ROLE_CHOICES.map((choice) => (
          <FormControlLabel key={choice.id} control={<Checkbox size="small" checked={roles.includes(choice.id)} onChange={() => toggle(choice.id)} />} label={translate(choice.name)} />
        ))}
      </FormGroup>
      <TextField size="small" label={translate('kehoach.capacities.signer_title')} helperText={translate('kehoach.capacities.signer_title_help')} value={title} onChange={(event) => setTitle(event.target.value)} />
      <Problems problems={problems} />
      <div>
        <Button variant="outlined" size="small" disabled={isPending || !organisation || !roles.length} onClick={() => mutate(undefined)}>
          {translate('kehoach.capacities.add')}
        </Button>
      </div>
    </Stack>
  );
};

const Problems = ({ problems }: { problems: string[] }) =>
  problems.length ? (
    <Alert severity="error">
      {problems.map((problem) => (
        <div key={problem}>{problem}</div>
      ))}
    </Alert>
  ) : null;
