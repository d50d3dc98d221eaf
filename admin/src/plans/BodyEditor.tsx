import { useMemo } from 'react';
import { Box, Button, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/AddCircleOutlineOutlined';
import { useFormContext, useWatch } from 'react-hook-form';
import { ArrayInput, useArrayInput, useTranslate } from 'react-admin';
import { numberBlocks } from '@backend/core/block-numbering';
import type { BodyBlock } from '../types';
import { BlockRow, NEW_BLOCK } from './BlockRow';
import { BlockActionsContext } from './blockActions';

/**
 * The plan's body as a list of typed blocks, edited from the keyboard (useBlockKeys) or with each
 * row's buttons. The numbering ("I.", "1.", "1.1.", "-", "+") is derived live by the function the DOCX uses.
 */
export const BodyEditor = () => (
  <ArrayInput source="body" label="resources.plans.fields.body" helperText="resources.plans.helpers.body">
    <BlockList />
  </ArrayInput>
);

type Level = Pick<BodyBlock, 'type' | 'asParagraph'>;

/** What the numbering depends on: each block's type and "numbered paragraph" switch, not its text. */
const levelsOf = (body: Partial<BodyBlock>[] | undefined): Level[] =>
  (body ?? []).map((block) => ({ type: block?.type ?? 'paragraph', asParagraph: Boolean(block?.asParagraph) }));

/**
 * The rows, keyed by react-hook-form's field ids. The levels are watched through `compute`, which
 * re-renders the list only when a type or switch changes: typing re-renders nothing here.
 */
const BlockList = () => {
  const translate = useTranslate();
  const { fields, append, insert, remove, move, update } = useArrayInput();
  const { getValues, setValue } = useFormContext();
  const actions = useMemo(() => ({ insert, remove, move, update, getValues, setValue }), [insert, remove, move, update, getValues, setValue]);
  const levels = useWatch({ name: 'body', compute: levelsOf }) as Level[];
  const numbered = useMemo(() => numberBlocks(levels.map(({ type, asParagraph }) => ({ type, text: '', asParagraph }))), [levels]);
  return (
    <BlockActionsContext.Provider value={actions}>
      <Typography variant="caption" color="text.secondary" component="p" data-testid="body-keys" sx={{ mt: 1 }}>
        {translate('resources.plans.helpers.body_keys')}
      </Typography>
      <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {fields.map((field, index) => (
          <BlockRow
            key={field.id}
            index={index}
            label={numbered[index]?.label ?? ''}
            type={levels[index]?.type ?? 'paragraph'}
            asParagraph={Boolean(numbered[index]?.asParagraph)}
            last={index === fields.length - 1}
          />
        ))}
      </Box>
      <Button size="small" startIcon={<AddIcon />} onClick={() => append(NEW_BLOCK)} sx={{ mt: 1 }}>
        {translate('ra.action.add')}
      </Button>
    </BlockActionsContext.Provider>
  );
};
