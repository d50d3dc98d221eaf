import { alpha, Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Plan, PlanStatus } from '../types';
import { STATUS_COLOURS } from './planStatuses';

/** The plan's state as a coloured chip: from `status`, or from the record in context. */
export const StatusChip = ({ status }: { status?: PlanStatus }) => {
  const record = useRecordContext<Plan>();
  const translate = useTranslate();
  const value = status ?? record?.status;
  if (!value) return null;
  const { accent, solid } = STATUS_COLOURS[value];
  return (
    <Chip
      size="small"
      label={translate(`resources.plans.statuses.${value}`)}
      data-status={value}
      sx={{ color: solid ? '#fff' : accent, backgroundColor: solid ? accent : alpha(accent, 0.12), fontWeight: 600 }}
    />
  );
};
