import { Link, Typography } from '@mui/material';
import { LinkBase, useCreatePath, useTranslate } from 'react-admin';

/** The top of a report page: what the page is, the deadline's name, and a link to its plan. */
export const DeadlineTitle = ({ overline, name, planId, planNumber, planTitle }: {
  overline: string;
  name: string;
  planId: string;
  planNumber: string | null;
  planTitle: string;
}) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  return (
    <>
      <Typography variant="overline" sx={{ color: 'text.secondary', lineHeight: 1.5 }}>
        {translate(overline)}
      </Typography>
      <Typography variant="h6" component="h1" sx={{ lineHeight: 1.3 }}>
        {name}
      </Typography>
      <Link component={LinkBase} to={createPath({ resource: 'plans', id: planId, type: 'show' })} variant="body2" sx={{ display: 'block' }}>
        {planNumber ? `${planNumber} — ${planTitle}` : planTitle}
      </Link>
    </>
  );
};
