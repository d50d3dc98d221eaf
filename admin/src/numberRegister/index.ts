import RegisterIcon from '@mui/icons-material/Numbers';
import { NumberRegisterCreate } from './NumberRegisterCreate';
import { NumberRegisterList } from './NumberRegisterList';

export default {
  list: NumberRegisterList,
  create: NumberRegisterCreate,
  icon: RegisterIcon,
  recordRepresentation: 'fullNumber',
};
