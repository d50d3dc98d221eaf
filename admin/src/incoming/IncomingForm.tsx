import { Typography } from '@mui/material';
import { FileField, FileInput, SelectInput, TextInput, required, useRecordContext } from 'react-admin';
import { DayMonthYearInput } from '../common/DayMonthYearInput';
import { TYPE_CHOICES, URGENCY_CHOICES } from './choices';

export const label = (field: string) => `resources.incoming-documents.fields.${field}`;

/** The file the form picked, kept apart from the JSON the API takes: it is uploaded once the entry is saved. */
export interface WithFile {
  file?: { rawFile?: File } | null;
}

export const ACCEPTED_FILES = { 'application/pdf': ['.pdf'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'], 'image/*': ['.png', '.jpg', '.jpeg', '.tif', '.tiff'] };

/**
 * The form's file row: a file just picked (its name, opening the picked file), or the one the entry
 * already has, which the API gives as { name, type, size } with no link (it downloads from the entry's page).
 */
const FileName = () => {
  const file = useRecordContext<{ src?: string; name?: string }>();
  if (file?.src) return <FileField source="src" title="title" />;
  return (
    <Typography component="span" variant="body2">
      {file?.name}
    </Typography>
  );
};

/** The register's own fields (Phụ lục IV), as the clerk types them from the document received. */
export const RegisterInputs = () => (
  <>
    <DayMonthYearInput source="receivedAt" label={label('receivedAt')} helperText="resources.incoming-documents.helpers.receivedAt" />
    <TextInput source="sender" label={label('sender')} validate={required()} fullWidth />
    <TextInput source="documentNumber" label={label('documentNumber')} validate={required()} />
    <DayMonthYearInput source="documentDate" label={label('documentDate')} validate={required()} />
    <SelectInput source="documentType" label={label('documentType')} choices={TYPE_CHOICES} validate={required()} />
    <TextInput source="summary" label={label('summary')} validate={required()} multiline fullWidth />
    <SelectInput source="urgency" label={label('urgency')} choices={URGENCY_CHOICES} validate={required()} />
    <FileInput source="file" label={label('file')} accept={ACCEPTED_FILES} helperText="resources.incoming-documents.helpers.file">
      <FileName />
    </FileInput>
  </>
);
