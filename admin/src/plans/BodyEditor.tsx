import { useMemo } from 'react';
import { Box } from '@mui/material';
import AddIcon from '@mui/icons-material/PlaylistAdd';
import { useWatch } from 'react-hook-form';
import {
  ArrayInput,
  BooleanInput,
  IconButtonWithTooltip,
  ReOrderButtons,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  required,
  useArrayInput,
  useSimpleFormIteratorItem,
  useSourceContext,
} from 'react-admin';
import { numberBlocks } from '@backend/plans/block-numbering';
import { NUMBERED_BLOCK_TYPES } from '@backend/plans/plan-content';
import { BLOCK_TYPES, type BlockType, type BodyBlock } from '../types';
import { usePasteAsBlocks } from './usePasteAsBlocks';

/** How far right each level sits in the editor, so the outline reads like the document. */
const DEPTH: Record<BlockType, number> = { heading1: 0, heading2: 1, heading3: 2, paragraph: 2, bullet: 2, subbullet: 3 };

const BLOCK_TYPE_CHOICES = BLOCK_TYPES.map((type) => ({ id: type, name: `resources.plans.block_types.${type}` }));

const NEW_BLOCK: BodyBlock = { type: 'paragraph', text: '' };

/**
 * The plan's body as a list of typed blocks that can be added, inserted, removed and reordered.
 * The numbering ("I.", "1.", "1.1.", "-", "+") is derived live by the function the DOCX uses.
 */
export const BodyEditor = () => {
  const body = useWatch({ name: 'body' }) as Partial<BodyBlock>[] | undefined;
  const numbered = useMemo(
    () => numberBlocks((body ?? []).map((block) => ({ type: block?.type ?? 'paragraph', text: block?.text ?? '', asParagraph: Boolean(block?.asParagraph) }))),
    [body],
  );
  return (
    <ArrayInput source="body" label="resources.plans.fields.body" helperText="resources.plans.helpers.body">
      <SimpleFormIterator
        inline
        fullWidth
        disableClear
        getItemLabel={(index) => <BlockLabel label={numbered[index]?.label ?? ''} type={numbered[index]?.type} asParagraph={numbered[index]?.asParagraph} />}
        reOrderButtons={<BlockButtons />}
        sx={{ '& .RaSimpleFormIterator-index': { display: 'flex' }, '& .RaSimpleFormIterator-action': { visibility: 'visible' } }}
      >
        <SelectInput
          source="type"
          label="resources.plans.fields.block_type"
          choices={BLOCK_TYPE_CHOICES}
          defaultValue="paragraph"
          validate={required()}
          helperText={false}
          sx={{ width: { xs: '100%', sm: 190 }, flexShrink: 0 }}
        />
        <AsParagraphInput />
        <BlockTextInput />
      </SimpleFormIterator>
    </ArrayInput>
  );
};

/** Bold as the document prints it: a heading, not a numbered paragraph. */
const isHeading = (type: BlockType | undefined, asParagraph: boolean | undefined) => Boolean(type?.startsWith('heading')) && !asParagraph;

const BlockLabel = ({ label, type = 'paragraph', asParagraph }: { label: string; type?: BlockType; asParagraph?: boolean }) => (
  <Box
    component="span"
    data-testid="block-label"
    sx={{ minWidth: 56, pl: DEPTH[type] * 1.5, pt: 1, fontWeight: isHeading(type, asParagraph) ? 700 : 400, whiteSpace: 'nowrap' }}
  >
    {label}
  </Box>
);

/** A numbered level (I., 1., 1.1.) is a short heading or a numbered paragraph of running text. */
const AsParagraphInput = () => {
  const { getSource } = useSourceContext();
  const type = useWatch({ name: getSource('type') }) as BlockType | undefined;
  if (!type || !NUMBERED_BLOCK_TYPES.includes(type)) return null;
  return <BooleanInput source="asParagraph" label="resources.plans.fields.block_as_paragraph" helperText={false} sx={{ flexShrink: 0 }} />;
};

/** The text, set bold for headings as in the document; several pasted paragraphs become blocks. */
const BlockTextInput = () => {
  const { getSource } = useSourceContext();
  const onPaste = usePasteAsBlocks();
  const type = useWatch({ name: getSource('type') }) as BlockType | undefined;
  const asParagraph = useWatch({ name: getSource('asParagraph') }) as boolean | undefined;
  return (
    <TextInput
      source="text"
      label="resources.plans.fields.block_text"
      multiline
      fullWidth
      validate={required()}
      helperText={false}
      onPaste={onPaste}
      sx={{ flex: 1, '& textarea': { fontWeight: isHeading(type, asParagraph) ? 700 : 400 } }}
    />
  );
};

/** Up / down, plus "insert a block below", which a long plan needs more than "add at the end". */
const BlockButtons = () => {
  const { index } = useSimpleFormIteratorItem();
  const { insert } = useArrayInput();
  return (
    <>
      <ReOrderButtons />
      <IconButtonWithTooltip label="resources.plans.actions_editor.insert_below" size="small" color="primary" onClick={() => insert(index + 1, NEW_BLOCK)}>
        <AddIcon fontSize="small" />
      </IconButtonWithTooltip>
    </>
  );
};
