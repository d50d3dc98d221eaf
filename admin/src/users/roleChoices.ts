import { ROLES } from '../types';

export const ROLE_CHOICES = ROLES.map((role) => ({ id: role, name: `resources.users.roles.${role}` }));
