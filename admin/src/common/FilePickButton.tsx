import type { ChangeEvent } from 'react';
import { Button } from '@mui/material';
import UploadIcon from '@mui/icons-material/UploadFile';

interface FilePickButtonProps {
  label: string;
  /** the file input's name, by which the UI tests find it */
  name: string;
  accept: string;
  disabled?: boolean;
  onPick: (file: File) => void;
}

/** A button that opens the file picker and hands over the chosen file; the same file can be picked again after a refusal. */
export const FilePickButton = ({ label, name, accept, disabled = false, onPick }: FilePickButtonProps) => {
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) onPick(file);
  };
  return (
    <Button component="label" size="small" variant="contained" startIcon={<UploadIcon />} disabled={disabled}>
      {label}
      <input hidden type="file" name={name} accept={accept} disabled={disabled} onChange={onChange} />
    </Button>
  );
};
