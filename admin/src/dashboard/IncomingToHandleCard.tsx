import { List, ListItemButton, ListItemText, Typography } from '@mui/material';
import { LinkBase, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { URGENCY_LABELS } from '@backend/core/incoming-documents';
import { daysUntil, formatDate } from '../common/dates';
import type { IncomingDocument } from '../types';
import { DashboardCard } from './DashboardCard';

/**
 * Incoming documents waiting for the caller: given to them and not done, or — for the leader — received
 * and not yet given out; the most urgent deadline first, each opening the entry.
 */
export const IncomingToHandleCard = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { data, isPending } = useGetList<IncomingDocument>('incoming-documents', {
    filter: { toHandle: true },
    sort: { field: 'deadline', order: 'ASC' },
    pagination: { page: 1, perPage: 10 },
  });
  return (
    <DashboardCard title="kehoach.dashboard.incoming_to_handle" testId="incoming-to-handle">
      {!isPending && !data?.length && (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {translate('kehoach.dashboard.no_incoming_to_handle')}
        </Typography>
      )}
      <List dense disablePadding>
        {data?.map((entry) => (
          <ListItemButton key={entry.id} component={LinkBase} to={createPath({ resource: 'incoming-documents', id: entry.id, type: 'show' })} divider sx={{ px: 1 }}>
            <ListItemText
              primary={entry.summary}
              secondary={[
                translate('kehoach.dashboard.incoming_line', { number: entry.documentNumber, sender: entry.sender }),
                entry.urgency !== 'normal' && URGENCY_LABELS[entry.urgency],
                entry.deadline && translate('kehoach.dashboard.incoming_deadline', { date: formatDate(entry.deadline) }),
              ].filter(Boolean).join(' · ')}
              slotProps={{ secondary: { sx: { color: entry.deadline && daysUntil(entry.deadline) < 0 ? 'error.main' : undefined } } }}
            />
          </ListItemButton>
        ))}
      </List>
    </DashboardCard>
  );
};
