import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * Someone saved the plan after it was opened here (409 STALE_VERSION): say so, keep what was typed
 * on screen so it can be copied, and offer to load the newer version.
 */
export const StaleVersionDialog = ({ message, onReload, onClose }: { message: string; onReload: () => void; onClose: () => void }) => {
  const translate = useTranslate();
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="stale-version-title">
      <DialogTitle id="stale-version-title">{translate('resources.plans.stale_version.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText gutterBottom>{message}</DialogContentText>
        <DialogContentText>{translate('resources.plans.stale_version.explanation')}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('resources.plans.stale_version.keep_editing')}</Button>
        <Button variant="contained" onClick={onReload}>
          {translate('resources.plans.stale_version.reload')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
