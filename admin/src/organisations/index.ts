import OrganisationIcon from '@mui/icons-material/AccountTree';
import { OrganisationCreate } from './OrganisationCreate';
import { OrganisationEdit } from './OrganisationEdit';
import { OrganisationList } from './OrganisationList';

export default {
  list: OrganisationList,
  create: OrganisationCreate,
  edit: OrganisationEdit,
  icon: OrganisationIcon,
  recordRepresentation: 'name',
};
