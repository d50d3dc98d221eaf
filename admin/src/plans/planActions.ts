import type { PlanAction } from '../types';

/** Actions done with a button and a confirm dialog; a report is a form of its own. */
export type ButtonAction = Exclude<PlanAction, 'REPORT'>;

/** How each action's button looks and whether its dialog asks for a comment (the server refuses these without one). */
interface ActionStyle {
  needsComment: boolean;
  /** a digital signature on the PDF (Nghị định 30/2020 Điều 5): the dialog asks for the key's PIN */
  signs?: boolean;
  color: 'primary' | 'success' | 'warning' | 'error' | 'inherit';
  variant: 'contained' | 'outlined';
}

const main = (color: ActionStyle['color'] = 'primary'): ActionStyle => ({ needsComment: false, color, variant: 'contained' });
const secondary = (color: ActionStyle['color'] = 'inherit', needsComment = false): ActionStyle => ({ needsComment, color, variant: 'outlined' });

export const ACTION_STYLES: Record<ButtonAction, ActionStyle> = {
  SUBMIT: main(),
  FORWARD: main(),
  SIGN: { ...main('success'), signs: true },
  APPROVE: { ...main('success'), signs: true },
  ISSUE: { ...main(), signs: true },
  DISTRIBUTE: main(),
  ACKNOWLEDGE: main(),
  DERIVE: secondary('primary'),
  REPLACE: secondary('warning'),
  READ_CORRECTION: main(),
  RETURN: secondary('warning', true),
  REQUEST_CHANGES: secondary('warning', true),
  REJECT: secondary('error', true),
  RECALL: secondary('error', true),
  WITHDRAW: secondary(),
  CLOSE: secondary(),
  CANCEL: secondary('error'),
};
