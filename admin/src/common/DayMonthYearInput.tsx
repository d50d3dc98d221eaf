import { TextInput, type TextInputProps, type Validator } from 'react-admin';
import { formatDate, parseTypedDate } from './dates';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The stored "YYYY-MM-DD" shown as "15/04/2022"; anything else (a date half typed) as it is. */
const format = (value: string | null | undefined) => (value && CALENDAR_DATE.test(value) ? formatDate(value) : (value ?? ''));

/** What is typed, stored as "YYYY-MM-DD" once it is a whole date; kept as typed until then, for the check below. */
const parse = (text: string) => parseTypedDate(text) ?? text;

const wholeDate: Validator = (value: string | null | undefined) =>
  !value || CALENDAR_DATE.test(value) ? undefined : 'kehoach.validation.day_month_year';

/**
 * A calendar date typed and shown dd/mm/yyyy whatever the browser's language: the browser's own
 * date field follows its locale (mm/dd/yyyy in an English browser), which a Vietnamese office misreads.
 */
export const DayMonthYearInput = ({ validate, ...props }: TextInputProps) => (
  <TextInput
    format={format}
    parse={parse}
    validate={[wholeDate, ...(Array.isArray(validate) ? validate : validate ? [validate] : [])]}
    placeholder="dd/mm/yyyy"
    slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off' } }}
    sx={{ width: { xs: '100%', sm: 170 } }}
    {...props}
  />
);
