import { Box, InputAdornment, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { InlineText } from '../common/InlineText';
import type { Indicator } from '../types';

interface IndicatorInputProps {
  indicator: Indicator;
  value: string;
  onChange: (value: string) => void;
  /** the server's message for `values.<code>` */
  error?: string;
  readOnly: boolean;
}

/**
 * One indicator of the form: its number and label as the printed form reads them, and an input
 * fitted to its type — a whole number, a percentage, or text. The label sits above the input, as
 * labels are long sentences that a floating label would cut.
 */
export const IndicatorInput = ({ indicator, value, onChange, error, readOnly }: IndicatorInputProps) => {
  const translate = useTranslate();
  const id = `indicator-${indicator.code}`;
  const isText = indicator.type === 'text';
  const unit = isText ? '' : indicator.unit || (indicator.type === 'percent' ? '%' : '');
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: isText ? '1fr' : '3fr 2fr' }, gap: { xs: 0.5, md: 2 }, alignItems: 'start', py: 1 }}>
      <Typography component="label" htmlFor={id} variant="body2" sx={{ pt: { md: isText ? 0 : 1 }, fontWeight: 500 }}>
        {indicator.code}. <InlineText text={indicator.label} />
      </Typography>
      <TextField
        id={id}
        name={`values.${indicator.code}`}
        size="small"
        hiddenLabel
        fullWidth
        multiline={isText}
        minRows={isText ? 2 : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        error={Boolean(error)}
        helperText={error ?? (isText ? undefined : translate(`kehoach.reports.form.helpers.${indicator.type}`))}
        disabled={readOnly}
        slotProps={{
          htmlInput: isText ? undefined : { inputMode: indicator.type === 'integer' ? 'numeric' : 'decimal', style: { textAlign: 'right' } },
          input: unit ? { endAdornment: <InputAdornment position="end">{unit}</InputAdornment> } : undefined,
        }}
      />
    </Box>
  );
};
