import { useTheme } from '@mui/material';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import { formatMonth } from '../common/dates';
import type { PlanStats } from '../types';
import { DashboardCard } from './DashboardCard';

/** Plans per month, as a bar chart. */
export const PlansByMonthChart = ({ stats }: { stats?: PlanStats }) => {
  const theme = useTheme();
  const translate = useTranslate();
  const data = (stats?.byMonth ?? []).map(({ month, count }) => ({ month: formatMonth(month), count }));
  return (
    <DashboardCard title="kehoach.dashboard.by_month" testId="plans-by-month">
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -24 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" fontSize={12} />
          <YAxis allowDecimals={false} fontSize={12} />
          <Tooltip formatter={(value) => [value, translate('kehoach.dashboard.plans_count')]} />
          <Bar dataKey="count" fill={theme.palette.primary.main} radius={[4, 4, 0, 0]} maxBarSize={48} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </DashboardCard>
  );
};
