import type { ReactNode } from 'react';
import { Box } from '@mui/material';

/** Inputs side by side on a wide screen, one under the other on a phone. */
export const FormRow = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, width: '100%', '& > *': { flex: '1 1 240px' } }}>{children}</Box>
);
