import type { ReactNode } from 'react';
import { Badge, ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import BusinessIcon from '@mui/icons-material/Business';
import DashboardIcon from '@mui/icons-material/Dashboard';
import { AppBar, Layout, Logout, Menu, TitlePortal, UserMenu, useGetIdentity, useTranslate } from 'react-admin';
import { useAbility } from '../ability';
import { useTasks } from '../dashboard/useTasks';
import { SearchBox } from '../search/SearchBox';
import { NotificationSettingsMenuItem } from '../notifications';
import { WIDE_TABLE } from '../common/wideTable';
import type { Organisation, User } from '../types';

/** The dashboard's icon with how many tasks wait for the caller (the inbox's total). */
const TasksBadgeIcon = () => {
  const translate = useTranslate();
  const total = useTasks().data?.total ?? 0;
  return (
    <Badge badgeContent={total} color="error" max={99} aria-label={translate('kehoach.dashboard.tasks_badge', { smart_count: total })} data-testid="tasks-badge" data-count={total}>
      <DashboardIcon />
    </Badge>
  );
};

/** Menus follow the CASL rules: the register for clerks, user management for administrators. */
const AppMenu = () => {
  const ability = useAbility();
  return (
    <Menu>
      <Menu.DashboardItem leftIcon={<TasksBadgeIcon />} />
      <Menu.ResourceItem name="plans" />
      <Menu.ResourceItem name="number-registers" />
      <Menu.ResourceItem name="incoming-documents" />
      <Menu.ResourceItem name="organisations" />
      {ability.can('update', 'User') && <Menu.ResourceItem name="users" />}
    </Menu>
  );
};

/** Who is logged in, for which organisation, in which roles. */
const WhoAmI = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  if (!identity) return null;
  const organisation = identity.organisation as Organisation;
  const roles = (identity.user as User).roles.map((role) => translate(`resources.users.roles.${role}`)).join(', ');
  return (
    <MenuItem disabled sx={{ '&.Mui-disabled': { opacity: 1 } }}>
      <ListItemIcon>
        <BusinessIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText primary={organisation.name} secondary={roles} />
    </MenuItem>
  );
};

const AppUserMenu = () => (
  <UserMenu>
    <WhoAmI />
    <NotificationSettingsMenuItem />
    <Logout />
  </UserMenu>
);

const AppAppBar = () => (
  <AppBar userMenu={<AppUserMenu />}>
    <TitlePortal />
    <SearchBox />
  </AppBar>
);

/**
 * react-admin's layout is `min-width: fit-content`: on a phone one wide child (the form's row of
 * tabs) widened the whole page. There the page keeps the screen's width, and what is wider scrolls
 * in its own box: scrollable tabs, WIDE_TABLE, a list's table within its card.
 */
const PHONE_FITS_SCREEN = {
  minWidth: { xs: 0, md: 'fit-content' },
  '& .RaLayout-content': { minWidth: 0 },
  // react-admin's own list style sets the card's overflow (inherit): a more specific rule wins.
  '& .RaList-main > .RaList-content': WIDE_TABLE,
} as const;

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout menu={AppMenu} appBar={AppAppBar} sx={PHONE_FITS_SCREEN}>
    {children}
  </Layout>
);
