import { Alert, Box, Card, CardContent, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BooleanInput, FormDataConsumer, Loading, RadioButtonGroupInput, SaveButton, SimpleForm, Title, Toolbar, useNotify, useTranslate, type HttpError } from 'react-admin';
import { useKehoachDataProvider, useKehoachQuery } from '../common/useKehoachDataProvider';
import { DELIVERY_MODES, NOTIFICATION_CATEGORIES, type NotificationSettings } from './types';

const SETTINGS_KEY = ['me', 'notification-settings'];

/** A page of its own, not a resource: only saving, never deleting. */
const SaveOnly = (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/**
 * "Thông báo qua e-mail": which kinds of e-mail the caller receives, and for each at once or in one
 * message a day. Reached from the user menu; every user sets their own.
 */
export const NotificationSettingsPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const methods = useKehoachDataProvider();
  const queryClient = useQueryClient();
  const { data, error } = useKehoachQuery<NotificationSettings>(SETTINGS_KEY, (m) => m.getNotificationSettings());
  const { mutate } = useMutation({
    mutationFn: (values: NotificationSettings) => methods.saveNotificationSettings({ categories: values.categories }),
    onSuccess: (saved) => {
      queryClient.setQueryData(SETTINGS_KEY, saved);
      notify('kehoach.notifications.saved', { type: 'success' });
    },
    onError: (failure: HttpError) => notify(failure.message || 'ra.notification.http_error', { type: 'error' }),
  });
  if (error) return <Alert severity="error" sx={{ mt: 2 }}>{(error as HttpError).message}</Alert>;
  if (!data) return <Loading />;
  const deliveryChoices = DELIVERY_MODES.map((id) => ({ id, name: `kehoach.notifications.delivery.${id}` }));
  return (
    <Box sx={{ mt: { xs: 1, sm: 2 }, maxWidth: 760 }} data-testid="notification-settings">
      <Title title="kehoach.notifications.title" />
      <Card>
        <CardContent>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {data.email ? translate('kehoach.notifications.sent_to', { email: data.email }) : translate('kehoach.notifications.no_email')}
          </Typography>
        </CardContent>
        <SimpleForm record={data} toolbar={SaveOnly} onSubmit={(values: Partial<NotificationSettings>) => mutate(values as NotificationSettings)}>
          {NOTIFICATION_CATEGORIES.map((category) => (
            <Box key={category} sx={{ width: '100%', mb: 1 }}>
              <BooleanInput source={`categories.${category}.enabled`} label={`kehoach.notifications.categories.${category}`} helperText={false} />
              <FormDataConsumer>
                {({ formData }) =>
                  formData.categories?.[category]?.enabled && (
                    <RadioButtonGroupInput source={`categories.${category}.delivery`} label={false} choices={deliveryChoices} row helperText={false} sx={{ ml: 6, mt: 0 }} />
                  )
                }
              </FormDataConsumer>
            </Box>
          ))}
        </SimpleForm>
      </Card>
    </Box>
  );
};
