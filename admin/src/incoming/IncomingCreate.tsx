import { Create, SimpleForm, useNotify, useRedirect } from 'react-admin';
import type { IncomingDocument } from '../types';
import { RegisterInputs, type WithFile } from './IncomingForm';
import { useFileUpload } from './useFileUpload';

/** The clerk registers a document received: the register gives the year's next arrival number. */
export const IncomingCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const { strip, upload } = useFileUpload();
  const onSuccess = async (entry: IncomingDocument) => {
    await upload(entry.id);
    notify('resources.incoming-documents.notifications.registered', { type: 'success', messageArgs: { number: entry.arrivalNumber } });
    redirect('show', 'incoming-documents', entry.id);
  };
  const withoutEmptyDay = (data: WithFile & { receivedAt?: string }) => {
    const body = strip(data);
    return body.receivedAt ? body : { ...body, receivedAt: undefined };
  };
  return (
    <Create mutationOptions={{ onSuccess }} transform={withoutEmptyDay}>
      <SimpleForm defaultValues={{ documentType: 'KH', urgency: 'normal' }}>
        <RegisterInputs />
      </SimpleForm>
    </Create>
  );
};
