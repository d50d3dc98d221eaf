import { Alert, Box } from '@mui/material';

/** Why the server refused an upload, in its words (one line each); nothing was stored. */
export const UploadRefusal = ({ problems, onClose }: { problems: string[]; onClose: () => void }) =>
  problems.length ? (
    <Alert severity="error" onClose={onClose} data-testid="signing-refused" sx={{ mt: 1 }}>
      {problems.map((problem) => (
        <Box key={problem}>{problem}</Box>
      ))}
    </Alert>
  ) : null;
