import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useKehoachQuery } from '../common/useKehoachDataProvider';
import type { DiffLine, DiffPart } from '../types';
import { DiffLineView } from './DiffLineView';

/** Unchanged lines around a change that stay shown; longer runs are folded into one line, so the changes stand out. */
const CONTEXT = 1;

/** The difference between two versions of a plan's content: every changed part, each changed line word by word. */
export const VersionDiff = ({ planId, from, to }: { planId: string; from: number; to: number }) => {
  const translate = useTranslate();
  const { data: diff, isPending } = useKehoachQuery(['plans', 'diff', planId, from, to], (methods) => methods.getDiff(planId, from, to));
  if (isPending) return <LinearProgress />;
  if (!diff) return null;
  return (
    <Stack spacing={1.5} data-testid="version-diff">
      {diff.parts.length === 0 && <Typography variant="body2">{translate('resources.plans.diff.no_changes')}</Typography>}
      {diff.parts.map((part) => (
        <PartDiff key={part.part} part={part} />
      ))}
    </Stack>
  );
};

const PartDiff = ({ part }: { part: DiffPart }) => {
  const translate = useTranslate();
  return (
    <Box component="section" data-diff-part={part.part}>
      <Typography variant="subtitle2" sx={{ fontWeight: 600 }}>
        {translate(`resources.plans.fields.${part.part}`)}
      </Typography>
      <Stack spacing={0.5}>
        {foldUnchanged<DiffLine>(part.lines).map((line, index) =>
          'folded' in line ? (
            <Typography key={index} variant="caption" color="text.secondary" sx={{ pl: 1 }}>
              {translate('resources.plans.diff.unchanged_lines', { smart_count: line.folded })}
            </Typography>
          ) : (
            <DiffLineView key={index} line={line} />
          ),
        )}
      </Stack>
    </Box>
  );
};

/** Keeps CONTEXT unchanged lines around each change and folds the rest. */
function foldUnchanged<T extends { op: string }>(lines: T[]): (T | { folded: number })[] {
  const nearChange = (index: number) => lines.slice(Math.max(0, index - CONTEXT), index + CONTEXT + 1).some((line) => line.op !== 'same');
  const result: (T | { folded: number })[] = [];
  lines.forEach((line, index) => {
    if (line.op !== 'same' || nearChange(index)) return void result.push(line);
    const last = result[result.length - 1];
    if (last && 'folded' in last) last.folded += 1;
    else result.push({ folded: 1 });
  });
  return result;
}
