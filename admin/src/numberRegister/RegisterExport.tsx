import { Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { formatDate, parseTypedDate, todayInVietnam } from '../common/dates';
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
  // Typed and shown dd/mm/yyyy whatever the browser's language (its own date field follows it).
  const [from, setFrom] = useState(formatDate(`${today.slice(0, 4)}-01-01`));
  const [to, setTo] = useState(formatDate(today));
  // What is not a whole date goes as typed: the server's 400 names the field.
  const asDay = (typed: string) => parseTypedDate(typed) ?? typed;
  const download = (format: 'docx' | 'xlsx') => () => methods.downloadNumberRegister(asDay(from), asDay(to), format);
  const dateField = (name: 'from' | 'to', value: string, onChange: (value: string) => void) => (
    <TextField
      size="small"
      fullWidth={false}
      sx={{ width: 200 }}
      label={translate(`resources.number-registers.export.${name}`)}
      placeholder="dd/mm/yyyy"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': `register-export-${name}`, inputMode: 'numeric', autoComplete: 'off' } }}
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
