import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { BodyBlock, DiffLine, DiffOp, WordChange } from '../types';

const OP_STYLES: Record<Exclude<DiffOp, 'same'>, { background: string; border: string }> = {
  added: { background: '#e8f5e9', border: '#2e7d32' },
  removed: { background: '#ffebee', border: '#c62828' },
  changed: { background: '#fff8e1', border: '#f9a825' },
};

/** Removed words struck through on red, added words underlined on green: readable without colour too. */
const WORD_STYLES = {
  removed: { backgroundColor: '#ffcdd2', color: '#b71c1c', textDecoration: 'line-through' },
  added: { backgroundColor: '#c8e6c9', color: '#1b5e20', textDecoration: 'underline' },
} as const;

type Line = BodyBlock | string;

/** One line of a part (a body block, a recipient, a deadline…): as it was, added, removed, or changed word by word. */
export const DiffLineView = ({ line }: { line: DiffLine }) => {
  const translate = useTranslate();
  if (line.op === 'same') return <LineText line={line.after} muted />;
  const { background, border } = OP_STYLES[line.op];
  return (
    <Box sx={{ backgroundColor: background, borderLeft: 4, borderColor: border, px: 1, py: 0.5 }} data-diff-op={line.op}>
      <Typography variant="overline" sx={{ color: border, lineHeight: 1.5 }}>
        {translate(`resources.plans.diff.ops.${line.op}`)}
      </Typography>
      {line.op === 'changed' ? (
        <LineText line={line.after} typeBefore={typeOf(line.before)} words={line.words} />
      ) : (
        <LineText line={line.op === 'removed' ? line.before : line.after} struck={line.op === 'removed'} />
      )}
    </Box>
  );
};

const typeOf = (line: Line) => (typeof line === 'string' ? undefined : line);

interface LineTextProps {
  line: Line;
  /** a changed block's type before, shown when it differs */
  typeBefore?: BodyBlock;
  /** a changed line's words: shown instead of its text */
  words?: WordChange[];
  struck?: boolean;
  muted?: boolean;
}

const LineText = ({ line, typeBefore, words, struck = false, muted = false }: LineTextProps) => {
  const text = typeof line === 'string' ? line : line.text;
  return (
    <Typography
      variant="body2"
      sx={{ pl: 1, whiteSpace: 'pre-wrap', textDecoration: struck ? 'line-through' : 'none', color: muted || struck ? 'text.secondary' : 'text.primary' }}
    >
      {typeof line !== 'string' && <BlockType block={line} before={typeBefore} />}
      {words ? <Words words={words} /> : text}
    </Typography>
  );
};

/** "[Mục lớn (I.)]", or "[Mục lớn (I.) → Đoạn văn]" when the edit changed it. */
const BlockType = ({ block, before }: { block: BodyBlock; before?: BodyBlock }) => {
  const translate = useTranslate();
  const describe = (b: BodyBlock) =>
    translate(`resources.plans.block_types.${b.type}`) + (b.asParagraph ? ` · ${translate('resources.plans.fields.block_as_paragraph')}` : '');
  const was = before && describe(before) !== describe(block) ? `${describe(before)} → ` : '';
  return (
    <Box component="span" sx={{ fontSize: '0.75em', color: 'text.secondary', mr: 1 }}>
      [{was}
      {describe(block)}]
    </Box>
  );
};

const Words = ({ words }: { words: WordChange[] }) => (
  <>
    {words.map(({ op, text }, index) =>
      op === 'same' ? (
        <span key={index}>{text}</span>
      ) : (
        <Box key={index} component={op === 'added' ? 'ins' : 'del'} data-word-op={op} sx={WORD_STYLES[op]}>
          {text}
        </Box>
      ),
    )}
  </>
);
