import type { ClipboardEvent } from 'react';
import { useSourceContext } from 'react-admin';
import { textToBlocks } from '@backend/core/text-blocks/blocks';
import { useBlockActions } from './blockActions';

/**
 * Pasting several paragraphs into a block's text splits them into blocks by the import's rules
 * (typed "I.", "1.", "1.1.", "-", "+" give the level; long numbered text is a numbered paragraph):
 * an empty block takes the first, the others follow it. One line pastes as the browser does.
 */
export function usePasteAsBlocks(index: number) {
  const { insert, update, getValues } = useBlockActions();
  const { getSource } = useSourceContext();
  return (event: ClipboardEvent<HTMLDivElement>) => {
    const blocks = textToBlocks(event.clipboardData.getData('text/plain'));
    if (blocks.length < 2) return;
    event.preventDefault();
    const current = String(getValues(getSource(`${index}.text`)) ?? '');
    if (current.trim()) {
      insert(index + 1, blocks, { shouldFocus: false });
      return;
    }
    update(index, blocks[0]);
    insert(index + 1, blocks.slice(1), { shouldFocus: false });
  };
}
