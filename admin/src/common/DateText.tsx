import { useFieldValue, type FieldProps } from 'react-admin';
import { Typography } from '@mui/material';
import { formatDate, formatDateTime } from './dates';

/** A date field in "15/04/2022" form (with "09:30" when `showTime`), empty when the value is. */
export const DateText = ({ showTime = false, ...props }: FieldProps & { showTime?: boolean }) => {
  const value = useFieldValue(props);
  if (!value) return null;
  return (
    <Typography component="span" variant="body2">
      {showTime ? formatDateTime(value) : formatDate(value)}
    </Typography>
  );
};
