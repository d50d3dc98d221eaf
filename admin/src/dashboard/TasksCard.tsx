import { List, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Task } from '../types';
import { DashboardCard } from './DashboardCard';
import { InboxItem } from './InboxItem';
import { useFollowing, useTasks } from './useTasks';

/** "Việc cần xử lý": what only the caller can move forward now — plans to act on, plans received, reports owed. */
export const TasksCard = () => {
  const { data, isPending } = useTasks();
  return <InboxCard title="kehoach.dashboard.tasks" empty="kehoach.dashboard.no_tasks" testId="tasks-card" tasks={data?.data} total={data?.total} isPending={isPending} />;
};

/** "Đang theo dõi": plans the caller may still withdraw, recall, close or cancel, but nobody waits on. */
export const FollowingCard = () => {
  const { data, isPending } = useFollowing();
  return <InboxCard title="kehoach.dashboard.following" empty="kehoach.dashboard.no_following" testId="following-card" tasks={data?.data} total={data?.total} isPending={isPending} />;
};

interface InboxCardProps {
  title: string;
  empty: string;
  testId: string;
  tasks?: Task[];
  total?: number;
  isPending: boolean;
}

const InboxCard = ({ title, empty, testId, tasks, total = 0, isPending }: InboxCardProps) => {
  const translate = useTranslate();
  const more = total - (tasks?.length ?? 0);
  return (
    <DashboardCard title={title} testId={testId}>
      {!isPending && !tasks?.length && (
        <Typography variant="body2" color="text.secondary">
          {translate(empty)}
        </Typography>
      )}
      <List dense disablePadding>
        {tasks?.map((task) => <InboxItem key={`${task.type}-${task.planId}-${task.deadline ?? ''}`} task={task} />)}
      </List>
      {more > 0 && (
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
          {translate('kehoach.dashboard.more_tasks', { smart_count: more })}
        </Typography>
      )}
    </DashboardCard>
  );
};
