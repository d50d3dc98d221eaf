import IncomingIcon from '@mui/icons-material/MoveToInbox';
import { IncomingCreate } from './IncomingCreate';
import { IncomingEdit } from './IncomingEdit';
import { IncomingList } from './IncomingList';
import { IncomingShow } from './IncomingShow';

export default {
  list: IncomingList,
  create: IncomingCreate,
  edit: IncomingEdit,
  show: IncomingShow,
  icon: IncomingIcon,
  recordRepresentation: 'summary',
};
