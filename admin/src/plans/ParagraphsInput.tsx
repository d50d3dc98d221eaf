import { useWatch } from 'react-hook-form';
import { ArrayInput, SelectInput, SimpleFormIterator, TextInput, required, useSourceContext, type TextInputProps } from 'react-admin';
import { PREAMBLE_KINDS } from '@backend/core/plan-content';
import { useLengthHint } from './useLengthHint';

const PREAMBLE_KIND_CHOICES = PREAMBLE_KINDS.map((kind) => ({ id: kind, name: `resources.plans.preamble_kinds.${kind}` }));

/** The preamble: each line a basis ("Căn cứ …", italic) or a statement (upright), in order. */
export const PreambleInput = () => (
  <ArrayInput source="preambleLines" label="resources.plans.fields.preamble" helperText="resources.plans.helpers.preamble">
    <SimpleFormIterator inline fullWidth disableClear sx={{ '& .RaSimpleFormIterator-action': { visibility: 'visible' } }}>
      <SelectInput source="kind" label="resources.plans.fields.preamble_kind" choices={PREAMBLE_KIND_CHOICES} defaultValue="basis" validate={required()} helperText={false} sx={{ width: { xs: '100%', sm: 190 }, flexShrink: 0 }} />
      <ParagraphInput source="text" sx={{ flex: 1 }} />
    </SimpleFormIterator>
  </ArrayInput>
);

/** A list of paragraphs (the closing): one input per paragraph, in order. */
export const ParagraphsInput = ({ source }: { source: 'closing' }) => (
  <ArrayInput source={source} label={`resources.plans.fields.${source}`} helperText={`resources.plans.helpers.${source}`}>
    <SimpleFormIterator fullWidth disableClear sx={{ '& .RaSimpleFormIterator-action': { visibility: 'visible' } }}>
      <ParagraphInput source="" />
    </SimpleFormIterator>
  </ArrayInput>
);

/** One paragraph, its length shown once it grows long (useLengthHint). */
const ParagraphInput = ({ source, sx }: Pick<TextInputProps, 'source' | 'sx'>) => {
  const name = useSourceContext().getSource(source);
  const text = useWatch({ name });
  const lengthHint = useLengthHint();
  return <TextInput source={source} label="resources.plans.fields.paragraph" multiline fullWidth validate={required()} helperText={lengthHint(name, text) ?? false} sx={sx} />;
};
