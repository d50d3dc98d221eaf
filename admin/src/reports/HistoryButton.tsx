import { IconButton, Tooltip } from '@mui/material';
import HistoryIcon from '@mui/icons-material/History';
import { useTranslate } from 'react-admin';

/** Opens the history of one organisation's report (every save, and what each changed). */
export const HistoryButton = ({ onClick }: { onClick: () => void }) => {
  const translate = useTranslate();
  return (
    <Tooltip title={translate('kehoach.reports.summary.history')}>
      <IconButton size="small" onClick={onClick} aria-label={translate('kehoach.reports.summary.history')} sx={{ ml: 0.5 }}>
        <HistoryIcon fontSize="small" />
      </IconButton>
    </Tooltip>
  );
};
