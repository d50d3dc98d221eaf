import { Admin, CustomRoutes, Resource } from 'react-admin';
import { authProvider } from './authProvider';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import incomingDocuments from './incoming';
import { i18nProvider } from './i18n/i18nProvider';
import { AppLayout } from './layout/AppLayout';
import { notificationRoutes } from './notifications';
import numberRegister from './numberRegister';
import organisations from './organisations';
import plans from './plans';
import { reportRoutes } from './reports';
import { theme } from './theme';
import users from './users';

export const App = () => (
  <Admin
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={AppLayout}
    theme={theme}
    title="kehoach.app_title"
    disableTelemetry
  >
    <Resource name="plans" {...plans} />
    <Resource name="number-registers" {...numberRegister} />
    <Resource name="incoming-documents" {...incomingDocuments} />
    <Resource name="organisations" {...organisations} />
    <Resource name="users" {...users} />
    <CustomRoutes>{[...reportRoutes, ...notificationRoutes]}</CustomRoutes>
  </Admin>
);
