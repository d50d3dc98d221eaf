import { useTranslate } from 'react-admin';
import { daysUntil } from '../common/dates';

/** "còn 5 ngày", "đến hạn hôm nay", "quá hạn 3 ngày" for a due date "YYYY-MM-DD". */
export function useDueText() {
  const translate = useTranslate();
  return (dueDate: string) => {
    const days = daysUntil(dueDate);
    if (days < 0) return translate('kehoach.due.days_overdue', { smart_count: -days });
    if (days === 0) return translate('kehoach.due.due_today');
    return translate('kehoach.due.days_left', { smart_count: days });
  };
}
