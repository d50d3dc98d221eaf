import { memo } from 'react';
import { Box, FormControlLabel, MenuItem, Switch, TextField } from '@mui/material';
import AddIcon from '@mui/icons-material/PlaylistAdd';
import DownIcon from '@mui/icons-material/ArrowCircleDown';
import UpIcon from '@mui/icons-material/ArrowCircleUp';
import RemoveIcon from '@mui/icons-material/RemoveCircleOutlineOutlined';
import { useController, type UseControllerReturn } from 'react-hook-form';
import { IconButtonWithTooltip, useSourceContext, useTranslate } from 'react-admin';
import { NUMBERED_BLOCK_TYPES } from '@backend/core/plan-content';
import { BLOCK_TYPES, type BlockType, type BodyBlock } from '../types';
import { useBlockActions } from './blockActions';
import { focusBlockText, useBlockKeys } from './useBlockKeys';
import { useLengthHint } from './useLengthHint';
import { usePasteAsBlocks } from './usePasteAsBlocks';

/** How far right each level sits in the editor, so the outline reads like the document. */
const DEPTH: Record<BlockType, number> = { heading1: 0, heading2: 1, heading3: 2, paragraph: 2, bullet: 2, subbullet: 3 };

export const NEW_BLOCK: BodyBlock = { type: 'paragraph', text: '' };

/** react-admin's required(), as a react-hook-form rule: the message is translated where it is shown. */
const REQUIRED = { validate: (value: unknown) => (String(value ?? '').trim() ? true : 'ra.validation.required') };

/**
 * Where the browser sizes a textarea to its text itself (CSS field-sizing), the text is a plain
 * textarea; MUI's multiline one measures a hidden copy with forced layouts at every keystroke.
 */
const TEXTAREA = typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content') ? { slotProps: { input: { inputComponent: 'textarea' } } } as const : { multiline: true };

/** Bold as the document prints it: a heading, not a numbered paragraph. */
const isHeading = (type: BlockType, asParagraph: boolean) => type.startsWith('heading') && !asParagraph;

/** A row off screen is neither laid out nor painted (content-visibility), so a long plan costs what is in view. */
const ROW = {
  display: 'flex', flexWrap: { xs: 'wrap', md: 'nowrap' }, alignItems: 'flex-start', gap: 1, py: 0.5, borderBottom: 1, borderColor: 'divider',
  contentVisibility: 'auto', containIntrinsicSize: 'auto 64px',
} as const;

export interface BlockRowProps {
  index: number;
  /** the derived number ("I.", "1.1.", "-"), from the types alone: typing a text leaves every row as it is */
  label: string;
  type: BlockType;
  asParagraph: boolean;
  last: boolean;
}

/**
 * One block of the body. Memoised on its props, and each input bound to its own field with
 * useController (react-admin's inputs also follow the whole form's state, which re-rendered all
 * 200 rows at the first keystroke and at every save), so a keystroke re-renders the one text typed in.
 */
export const BlockRow = memo(function BlockRow({ index, label, type, asParagraph, last }: BlockRowProps) {
  const { getSource } = useSourceContext();
  const path = (field: keyof BodyBlock) => getSource(`${index}.${field}`);
  return (
    <Box component="li" sx={ROW}>
      <Box
        component="span"
        data-testid="block-label"
        sx={{ minWidth: 56, pl: DEPTH[type] * 1.5, pt: 2, fontWeight: isHeading(type, asParagraph) ? 700 : 400, whiteSpace: 'nowrap' }}
      >
        {label}
      </Box>
      <BlockTypeSelect name={path('type')} />
      {NUMBERED_BLOCK_TYPES.includes(type) && <AsParagraphSwitch name={path('asParagraph')} />}
      <BlockTextInput name={path('text')} index={index} bold={isHeading(type, asParagraph)} />
      <BlockButtons index={index} last={last} />
    </Box>
  );
});

/** The props that tie an MUI field to its react-hook-form controller (and nothing else: no re-render of other rows). */
const bound = ({ field, fieldState }: UseControllerReturn) => ({
  name: field.name,
  value: field.value ?? '',
  onChange: field.onChange,
  onBlur: field.onBlur,
  inputRef: field.ref,
  error: Boolean(fieldState.error),
});

const BlockTypeSelect = ({ name }: { name: string }) => {
  const translate = useTranslate();
  const controller = useController({ name, rules: REQUIRED });
  return (
    <TextField
      select
      required
      label={translate('resources.plans.fields.block_type')}
      {...bound(controller)}
      sx={{ width: { xs: '100%', sm: 190 }, flexShrink: 0, my: 0.5 }}
    >
      {BLOCK_TYPES.map((type) => (
        <MenuItem key={type} value={type}>
          {translate(`resources.plans.block_types.${type}`)}
        </MenuItem>
      ))}
    </TextField>
  );
};

/** A numbered level (I., 1., 1.1.) is a short heading or a numbered paragraph of running text. */
const AsParagraphSwitch = ({ name }: { name: string }) => {
  const translate = useTranslate();
  const { field } = useController({ name });
  return (
    <FormControlLabel
      label={translate('resources.plans.fields.block_as_paragraph')}
      sx={{ flexShrink: 0, mx: 0, my: 0.5 }}
      control={<Switch name={field.name} checked={Boolean(field.value)} onChange={(event) => field.onChange(event.target.checked)} onBlur={field.onBlur} />}
    />
  );
};

/** The text, set bold for headings as in the document; the keyboard map and paste-as-blocks live here. */
const BlockTextInput = ({ name, index, bold }: { name: string; index: number; bold: boolean }) => {
  const translate = useTranslate();
  const controller = useController({ name, rules: REQUIRED });
  const { fieldState } = controller;
  const onKeyDown = useBlockKeys(index);
  const onPaste = usePasteAsBlocks(index);
  const lengthHint = useLengthHint();
  return (
    <TextField
      {...TEXTAREA}
      fullWidth
      required
      label={translate('resources.plans.fields.block_text')}
      {...bound(controller)}
      helperText={fieldState.error?.message ? translate(fieldState.error.message) : lengthHint(name, controller.field.value)}
      onKeyDown={onKeyDown}
      onPaste={onPaste}
      sx={{ flex: 1, my: 0.5, '& textarea': { fontWeight: bold ? 700 : 400, fieldSizing: 'content', resize: 'none' } }}
    />
  );
};

/** Up, down, "insert a block below" (a long plan needs it more than "add at the end") and remove. */
const BlockButtons = ({ index, last }: { index: number; last: boolean }) => {
  const { insert, move, remove } = useBlockActions();
  const { getSource } = useSourceContext();
  const button = { size: 'small', color: 'primary' } as const;
  return (
    <Box sx={{ display: 'flex', flexShrink: 0, pt: 1 }}>
      <IconButtonWithTooltip label="ra.action.move_up" {...button} disabled={index === 0} onClick={() => move(index, index - 1)}>
        <UpIcon fontSize="small" />
      </IconButtonWithTooltip>
      <IconButtonWithTooltip label="ra.action.move_down" {...button} disabled={last} onClick={() => move(index, index + 1)}>
        <DownIcon fontSize="small" />
      </IconButtonWithTooltip>
      <IconButtonWithTooltip
        label="resources.plans.actions_editor.insert_below"
        {...button}
        onClick={() => {
          insert(index + 1, NEW_BLOCK, { shouldFocus: false });
          focusBlockText(getSource(`${index + 1}.text`), 0);
        }}
      >
        <AddIcon fontSize="small" />
      </IconButtonWithTooltip>
      <IconButtonWithTooltip label="ra.action.remove" size="small" color="warning" onClick={() => remove(index)}>
        <RemoveIcon fontSize="small" />
      </IconButtonWithTooltip>
    </Box>
  );
};
