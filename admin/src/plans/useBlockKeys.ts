import type { KeyboardEvent } from 'react';
import { useSourceContext } from 'react-admin';
import type { BodyBlock } from '../types';
import { useBlockActions } from './blockActions';
import { nextBlock, shiftLevel } from './blockLevels';

/**
 * Puts the caret in a block's text once the list has re-rendered (after an insert, a move or a
 * removal the block's textarea has a new name, or is new). `caret` null = at the end.
 */
export function focusBlockText(name: string, caret: number | null) {
  requestAnimationFrame(() => {
    const text = document.querySelector<HTMLTextAreaElement>(`textarea[name="${name}"]`);
    if (!text) return;
    text.focus();
    const at = caret ?? text.value.length;
    text.setSelectionRange(at, at);
  });
}

const noModifier = (event: KeyboardEvent) => !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;

/**
 * The keyboard map of a block's text (the hint above the rows, `resources.plans.helpers.body_keys`):
 * - Enter: a new block after this one (see nextBlock), the text after the caret moving into it;
 *   Shift+Enter keeps a line break inside the block, as the textarea does.
 * - Tab / Shift+Tab: one level deeper / higher on the LEVEL_LADDER; at either end of the ladder
 *   the key moves the focus as usual, so the keyboard can always leave the editor.
 * - Alt+↑ / Alt+↓: move the block up / down, the caret staying where it was.
 * - Backspace in an empty block: remove it and continue at the end of the previous one.
 * Keys typed while an input method composes (Vietnamese Telex/VNI) belong to the input method.
 */
export function useBlockKeys(index: number) {
  const { insert, remove, move, getValues, setValue } = useBlockActions();
  const { getSource } = useSourceContext();
  const textOf = (at: number) => getSource(`${at}.text`);

  return (event: KeyboardEvent<HTMLDivElement>) => {
    const text = event.target as HTMLTextAreaElement;
    if (text.tagName !== 'TEXTAREA' || event.nativeEvent.isComposing) return;
    const block = getValues(getSource(`${index}`)) as BodyBlock;
    const count = (getValues(getSource('')) as unknown[]).length;
    const act = (action: () => void) => {
      event.preventDefault();
      action();
    };
    if (event.key === 'Enter' && noModifier(event)) {
      act(() => {
        const { selectionStart, selectionEnd, value } = text;
        if (selectionStart < value.length) setValue(textOf(index), value.slice(0, selectionStart), { shouldDirty: true });
        insert(index + 1, nextBlock(block, value.slice(selectionEnd)), { shouldFocus: false });
        focusBlockText(textOf(index + 1), 0);
      });
    } else if (event.key === 'Tab' && !event.altKey && !event.ctrlKey && !event.metaKey) {
      const type = shiftLevel(block.type, event.shiftKey ? -1 : 1);
      if (type) act(() => setValue(getSource(`${index}.type`), type, { shouldDirty: true }));
    } else if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      const to = index + (event.key === 'ArrowUp' ? -1 : 1);
      if (to >= 0 && to < count) {
        act(() => {
          move(index, to);
          focusBlockText(textOf(to), text.selectionStart);
        });
      }
    } else if (event.key === 'Backspace' && noModifier(event) && text.value === '' && index > 0) {
      act(() => {
        remove(index);
        focusBlockText(textOf(index - 1), null);
      });
    }
  };
}
