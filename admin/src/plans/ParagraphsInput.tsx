import { ArrayInput, SimpleFormIterator, TextInput, required } from 'react-admin';

/** A list of paragraphs (preamble, closing): one input per paragraph, in order. */
export const ParagraphsInput = ({ source }: { source: 'preamble' | 'closing' }) => (
  <ArrayInput source={source} label={`resources.plans.fields.${source}`} helperText={`resources.plans.helpers.${source}`}>
    <SimpleFormIterator fullWidth disableClear sx={{ '& .RaSimpleFormIterator-action': { visibility: 'visible' } }}>
      <TextInput source="" label="resources.plans.fields.paragraph" multiline fullWidth validate={required()} helperText={false} />
    </SimpleFormIterator>
  </ArrayInput>
);
