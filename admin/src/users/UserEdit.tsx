import { Edit, useParams } from 'react-admin';
import { changedFields } from '../common/changedFields';
import { UserSigningPanel } from '../signing/SigningPanel';
import { CapacitiesPanel } from './CapacitiesPanel';
import { UserForm } from './UserForm';

/** The account, its roles in other organisations (kiêm nhiệm), and the certificate and signature image the person signs with. */
export const UserEdit = () => {
  const { id } = useParams();
  return (
    <>
      <Edit mutationMode="pessimistic" transform={changedFields} redirect="list">
        <UserForm />
      </Edit>
      {id && <CapacitiesPanel userId={id} />}
      {id && <UserSigningPanel userId={id} />}
    </>
  );
};
