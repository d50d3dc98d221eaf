import { alpha, Box, Chip, Dialog, DialogContent, DialogTitle, IconButton, Table, TableBody, TableCell, TableRow, Typography, useMediaQuery, type Theme } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { Loading, useTranslate } from 'react-admin';
import { InlineText } from '../common/InlineText';
import { formatDateTime } from '../common/dates';
import { useKehoachQuery } from '../common/useKehoachDataProvider';
import type { Indicator, ReportRevision } from '../types';
import { formatValue } from './reportValues';

interface RevisionsDialogProps {
  planId: string;
  deadline: number;
  organisation: { id: string; name: string };
  indicators: Indicator[];
  onClose: () => void;
}

/** Every save of one organisation's report, newest first; what a save changed is marked. */
export const RevisionsDialog = ({ planId, deadline, organisation, indicators, onClose }: RevisionsDialogProps) => {
  const translate = useTranslate();
  const fullScreen = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const { data: revisions, isPending } = useKehoachQuery(['reports', 'revisions', planId, deadline, organisation.id], (methods) =>
    methods.getReportRevisions(planId, deadline, organisation.id),
  );
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth fullScreen={fullScreen} aria-labelledby="report-revisions-title" data-testid="report-revisions">
      <DialogTitle id="report-revisions-title" sx={{ pr: 6 }}>
        {translate('kehoach.reports.revisions.title', { organisation: organisation.name })}
        <IconButton aria-label={translate('ra.action.close')} onClick={onClose} sx={{ position: 'absolute', right: 8, top: 8 }}>
          <CloseIcon />
        </IconButton>
      </DialogTitle>
      <DialogContent dividers>
        {isPending && <Loading />}
        {revisions && !revisions.length && <Typography variant="body2">{translate('kehoach.reports.revisions.empty')}</Typography>}
        {revisions
          ?.map((revision, index) => <Revision key={revision.revision} revision={revision} previous={revisions[index - 1]} indicators={indicators} />)
          .reverse()}
      </DialogContent>
    </Dialog>
  );
};

const Revision = ({ revision, previous, indicators }: { revision: ReportRevision; previous?: ReportRevision; indicators: Indicator[] }) => {
  const translate = useTranslate();
  const changed = (code: string) => previous !== undefined && previous.values[code] !== revision.values[code];
  return (
    <Box sx={{ mb: 2 }} data-revision={revision.revision}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, mb: 0.5 }}>
        <Typography variant="subtitle2">{translate('kehoach.reports.revisions.revision', { revision: revision.revision })}</Typography>
        <Chip size="small" variant="outlined" label={translate(`kehoach.reports.mine_states.${revision.state}`)} />
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          {revision.savedBy.fullName} · {formatDateTime(revision.savedAt)}
        </Typography>
      </Box>
      <Table size="small">
        <TableBody>
          {indicators.map((indicator) => (
            <TableRow key={indicator.code}>
              <TableCell sx={{ width: '65%' }}>
                {indicator.code}. <InlineText text={indicator.label} />
              </TableCell>
              <TableCell align={indicator.type === 'text' ? 'left' : 'right'} sx={changed(indicator.code) ? { fontWeight: 700, backgroundColor: (theme) => alpha(theme.palette.warning.main, 0.1) } : undefined}>
                {formatValue(indicator, revision.values[indicator.code])}
                {changed(indicator.code) && (
                  <Typography component="span" variant="caption" sx={{ ml: 1, color: 'warning.dark' }}>
                    ({translate('kehoach.reports.revisions.changed')})
                  </Typography>
                )}
              </TableCell>
            </TableRow>
          ))}
          {revision.note && (
            <TableRow>
              <TableCell>{translate('kehoach.reports.form.note')}</TableCell>
              <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{revision.note}</TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </Box>
  );
};
