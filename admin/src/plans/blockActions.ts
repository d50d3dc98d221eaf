import { createContext, useContext } from 'react';
import type { UseFieldArrayReturn, UseFormReturn } from 'react-hook-form';

/**
 * What a row needs to change the body: react-hook-form's array operations and getValues/setValue,
 * all stable across renders. Rows read them here rather than from react-admin's ArrayInputContext
 * or useFormContext, whose values change whenever the form's state does (dirty, submitting, errors)
 * and would re-render every row of a long plan at once.
 */
export type BlockActions = Pick<UseFieldArrayReturn, 'insert' | 'remove' | 'move' | 'update'> & Pick<UseFormReturn, 'getValues' | 'setValue'>;

export const BlockActionsContext = createContext<BlockActions | null>(null);

export function useBlockActions(): BlockActions {
  const actions = useContext(BlockActionsContext);
  if (!actions) throw new Error('useBlockActions is used outside the body editor');
  return actions;
}
