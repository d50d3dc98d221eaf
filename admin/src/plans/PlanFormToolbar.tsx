import { Typography } from '@mui/material';
import { useFormState, useWatch } from 'react-hook-form';
import { SaveButton, Toolbar, useTranslate } from 'react-admin';

/**
 * LƯU, and why it is greyed out when it is: react-admin opens it only once something changed, and
 * a missing Trích yếu (on the first tab) is the reason a drafter most often cannot see.
 * `imported`: content brought in from a file is the form's starting values, so the form is
 * pristine yet nothing is saved: saving is open at once (closed while it runs, as react-admin's own rule would).
 */
export const PlanFormToolbar = ({ imported = false }: { imported?: boolean }) => {
  const translate = useTranslate();
  const { isSubmitting, isDirty } = useFormState();
  const title = useWatch({ name: 'title' });
  const reason = !String(title ?? '').trim() ? 'title_missing' : !isDirty && !imported ? 'no_changes' : null;
  return (
    <Toolbar sx={{ gap: 2, flexWrap: 'wrap' }}>
      <SaveButton alwaysEnable={imported ? !isSubmitting : undefined} />
      {reason && !isSubmitting && (
        <Typography variant="body2" color="text.secondary" data-testid="save-hint">
          {translate(`resources.plans.save_hint.${reason}`)}
        </Typography>
      )}
    </Toolbar>
  );
};
