import { Box, Card, CardContent, CardHeader, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/dates';
import { useKehoachQuery } from '../common/useKehoachDataProvider';
import type { HistoryEntry, Plan } from '../types';
import { STATUS_COLOURS } from './planStatuses';

/** Events that name another document's number: the replacement, the correction notice. */
const NUMBERED_ELSEWHERE = ['REPLACED', 'CORRECTION', 'CORRECTION_DOCUMENT'];

/** The plan's audit history, newest first: who did what, when, from which state to which, and why. */
export const Timeline = () => {
  const plan = useRecordContext<Plan>();
  const translate = useTranslate();
  const { data: history } = useKehoachQuery(['plans', 'history', plan?.id], (methods) => methods.getHistory(plan!.id), Boolean(plan));
  if (!history?.length) return null;
  return (
    <Card variant="outlined" data-testid="timeline">
      <CardHeader title={translate('resources.plans.timeline.title')} slotProps={{ title: { variant: 'subtitle1', fontWeight: 600 } }} />
      <CardContent sx={{ pt: 0 }}>
        {[...history].reverse().map((entry) => (
          <TimelineEntry key={entry.id} entry={entry} />
        ))}
      </CardContent>
    </Card>
  );
};

const TimelineEntry = ({ entry }: { entry: HistoryEntry }) => {
  const translate = useTranslate();
  const event = translate(`resources.plans.history_events.${entry.event}`);
  const version = entry.details?.contentVersion;
  return (
    <Box sx={{ display: 'flex', gap: 1.5, pb: 1.5 }}>
      <Box sx={{ mt: 0.75, width: 10, height: 10, borderRadius: '50%', flexShrink: 0, backgroundColor: STATUS_COLOURS[entry.toState]?.accent ?? 'grey.500' }} />
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="body2">
          <strong>{entry.actorName}</strong> {event}
          {version && ` ${translate('resources.plans.timeline.version', { version })}`}
          {NUMBERED_ELSEWHERE.includes(entry.event) && entry.details?.number && ` ${translate('resources.plans.timeline.number', { number: entry.details.number })}`}
        </Typography>
        <Typography variant="caption" sx={{ display: 'block', color: 'text.secondary' }}>
          {formatDateTime(entry.at)}
          {entry.fromState && entry.fromState !== entry.toState &&
            ` · ${translate(`resources.plans.statuses.${entry.fromState}`)} → ${translate(`resources.plans.statuses.${entry.toState}`)}`}
        </Typography>
        {entry.comment && (
          <Typography variant="body2" sx={{ mt: 0.5, pl: 1, borderLeft: 3, borderColor: 'divider', fontStyle: 'italic', whiteSpace: 'pre-wrap' }}>
            {entry.comment}
          </Typography>
        )}
      </Box>
    </Box>
  );
};
