import { Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { todayInVietnam } from '../common/dates';
import { DownloadButton } from '../common/DownloadButton';
import { useKehoachDataProvider } from '../common/useKehoachDataProvider';

/**
 * The register over a range of days, to print and bind (DOCX, landscape, Phụ lục IV) or to work on
 * in Excel; by default the current year up to today. The server checks the range and says what is wrong.
 */
export const RegisterExport = () => {
  const translate = useTranslate();
  const methods = useKehoachDataProvider();
  const today = todayInVietnam();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const download = (format: 'docx' | 'xlsx') => () => methods.downloadNumberRegister(from, to, format);
  const dateField = (name: 'from' | 'to', value: string, onChange: (value: string) => void) => (
    <TextField
      type="date"
      size="small"
      fullWidth={false}
      sx={{ width: 200 }}
      label={translate(`resources.number-registers.export.${name}`)}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': `register-export-${name}` } }}
    />
  );
  return (
    <Card variant="outlined" sx={{ mb: 2 }}>
      <CardContent>
        <Typography variant="subtitle1" gutterBottom>
          {translate('resources.number-registers.export.title')}
        </Typography>
        <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
          {dateField('from', from, setFrom)}
          {dateField('to', to, setTo)}
          <DownloadButton
            download={download('docx')}
            label={translate('resources.number-registers.export.docx')}
            failedMessage="resources.number-registers.export.failed"
            testId="register-export-docx"
          />
          <DownloadButton
            download={download('xlsx')}
            label={translate('resources.number-registers.export.xlsx')}
            failedMessage="resources.number-registers.export.failed"
            testId="register-export-xlsx"
          />
        </Stack>
      </CardContent>
    </Card>
  );
};
