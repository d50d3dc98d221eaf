import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useTranslate } from 'react-admin';

interface StaleVersionDialogProps {
  message: string;
  onReload: () => void;
  onClose: () => void;
  /** where its words are in the catalogue: the plan's by default, a report's for the report form */
  messages?: string;
}

/**
 * Someone saved the plan (or report) after it was opened here (409 STALE_VERSION): say so, keep
 * what was typed on screen so it can be copied, and offer to load the newer version.
 */
export const StaleVersionDialog = ({ message, onReload, onClose, messages = 'resources.plans.stale_version' }: StaleVersionDialogProps) => {
  const translate = useTranslate();
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="stale-version-title">
      <DialogTitle id="stale-version-title">{translate(`${messages}.title`)}</DialogTitle>
      <DialogContent>
        <DialogContentText gutterBottom>{message}</DialogContentText>
        <DialogContentText>{translate(`${messages}.explanation`)}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate(`${messages}.keep_editing`)}</Button>
        <Button variant="contained" onClick={onReload}>
          {translate(`${messages}.reload`)}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
