import { Box, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useKehoachQuery } from '../common/useKehoachDataProvider';
import type { BodyBlock, DiffOp, PlanDiff } from '../types';

type DiffRow = PlanDiff['blocks'][number];

/** Unchanged runs longer than this are folded into one line, so the changes stand out. */
const CONTEXT = 1;

const OP_STYLES: Record<Exclude<DiffOp, 'same'>, { background: string; border: string }> = {
  added: { background: '#e8f5e9', border: '#2e7d32' },
  removed: { background: '#ffebee', border: '#c62828' },
  changed: { background: '#fff8e1', border: '#f9a825' },
};

/** The block-level difference between two versions of a plan's content, changes highlighted. */
export const VersionDiff = ({ planId, from, to }: { planId: string; from: number; to: number }) => {
  const translate = useTranslate();
  const { data: diff, isPending } = useKehoachQuery(['plans', 'diff', planId, from, to], (methods) => methods.getDiff(planId, from, to));
  if (isPending) return <LinearProgress />;
  if (!diff) return null;
  const changed = diff.blocks.some((row) => row.op !== 'same');
  return (
    <Stack spacing={1} data-testid="version-diff">
      {diff.fields.length > 0 && (
        <Box>
          <Typography variant="body2" component="span" sx={{ mr: 1 }}>
            {translate('resources.plans.diff.fields_changed')}
          </Typography>
          {diff.fields.map((field) => (
            <Chip key={field} size="small" sx={{ mr: 0.5, mb: 0.5 }} label={translate(`resources.plans.fields.${field}`)} />
          ))}
        </Box>
      )}
      {!changed && diff.fields.length === 0 && <Typography variant="body2">{translate('resources.plans.diff.no_changes')}</Typography>}
      {changed && foldUnchanged(diff.blocks).map((row, index) => <DiffLine key={index} row={row} />)}
    </Stack>
  );
};

type Folded = DiffRow | { folded: number };

/** Keeps CONTEXT unchanged blocks around each change and folds the rest. */
function foldUnchanged(rows: DiffRow[]): Folded[] {
  const nearChange = (index: number) =>
    rows.slice(Math.max(0, index - CONTEXT), index + CONTEXT + 1).some((row) => row.op !== 'same');
  const result: Folded[] = [];
  rows.forEach((row, index) => {
    if (row.op !== 'same' || nearChange(index)) return void result.push(row);
    const last = result[result.length - 1];
    if (last && 'folded' in last) last.folded += 1;
    else result.push({ folded: 1 });
  });
  return result;
}

const DiffLine = ({ row }: { row: Folded }) => {
  const translate = useTranslate();
  if ('folded' in row) {
    return (
      <Typography variant="caption" color="text.secondary" sx={{ pl: 1 }}>
        {translate('resources.plans.diff.unchanged_blocks', { smart_count: row.folded })}
      </Typography>
    );
  }
  if (row.op === 'same') return <BlockText block={row.after ?? row.before} />;
  const { background, border } = OP_STYLES[row.op];
  return (
    <Box sx={{ backgroundColor: background, borderLeft: 4, borderColor: border, px: 1, py: 0.5 }} data-diff-op={row.op}>
      <Typography variant="overline" sx={{ color: border, lineHeight: 1.5 }}>
        {translate(`resources.plans.diff.ops.${row.op}`)}
      </Typography>
      {row.op === 'changed' ? (
        <>
          <BlockText block={row.before} removed />
          <BlockText block={row.after} />
        </>
      ) : (
        <BlockText block={row.op === 'removed' ? row.before : row.after} removed={row.op === 'removed'} />
      )}
    </Box>
  );
};

const BlockText = ({ block, removed = false }: { block?: BodyBlock; removed?: boolean }) => {
  const translate = useTranslate();
  if (!block) return null;
  return (
    <Typography variant="body2" sx={{ textDecoration: removed ? 'line-through' : 'none', color: removed ? 'text.secondary' : 'text.primary', pl: 1 }}>
      <Box component="span" sx={{ fontSize: '0.75em', color: 'text.secondary', mr: 1 }}>
        [{translate(`resources.plans.block_types.${block.type}`)}
        {block.asParagraph && ` · ${translate('resources.plans.fields.block_as_paragraph')}`}]
      </Box>
      {block.text}
    </Typography>
  );
};
