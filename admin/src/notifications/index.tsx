import { forwardRef } from 'react';
import MailIcon from '@mui/icons-material/Email';
import { MenuItemLink, reactRouterProvider, useUserMenu } from 'react-admin';
import { NotificationSettingsPage } from './NotificationSettingsPage';

const { Route } = reactRouterProvider;

export const NOTIFICATION_SETTINGS_PATH = '/notification-settings';

export const notificationRoutes = [<Route key="notification-settings" path={NOTIFICATION_SETTINGS_PATH} element={<NotificationSettingsPage />} />];

/** The user menu's entry to the page; closes the menu when chosen. */
export const NotificationSettingsMenuItem = forwardRef<HTMLAnchorElement>((props, ref) => {
  const userMenu = useUserMenu();
  return (
    <MenuItemLink
      ref={ref}
      {...props}
      to={NOTIFICATION_SETTINGS_PATH}
      primaryText="kehoach.notifications.title"
      leftIcon={<MailIcon fontSize="small" />}
      onClick={() => userMenu?.onClose()}
      data-testid="notification-settings-menu"
    />
  );
});
NotificationSettingsMenuItem.displayName = 'NotificationSettingsMenuItem';
