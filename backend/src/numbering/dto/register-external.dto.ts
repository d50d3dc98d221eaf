import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Max, Min, MaxLength, ValidateBy } from 'class-validator';
import { calendarDateInVietnam, type CalendarDate } from '../../core/vietnamese-date';
import { DOCUMENT_TYPE_CODES } from '../../core/document-types';

export { DOCUMENT_TYPE_CODES };

/** No register reaches a million documents in a year. */
const MAX_NUMBER = 999_999;

/** The register records documents already issued, none before the Front's documents began. */
const FIRST_YEAR = 1945;

/** A date in the register: in Vietnam's calendar, not after today and not before FIRST_YEAR. */
function IsRegisterDate(): PropertyDecorator {
  return ValidateBy({
    name: 'isRegisterDate',
    validator: {
      validate: (value: unknown) => {
        const instant = new Date(String(value));
        if (Number.isNaN(instant.getTime())) return false;
        const date = calendarDateInVietnam(instant);
        return date.year >= FIRST_YEAR && dayNumber(date) <= dayNumber(calendarDateInVietnam(new Date()));
      },
      defaultMessage: () => `không được sau hôm nay hay trước năm ${FIRST_YEAR}`,
    },
  });
}

const dayNumber = ({ year, month, day }: CalendarDate) => year * 10_000 + month * 100 + day;

export class RegisterExternalDto {
  @IsIn(DOCUMENT_TYPE_CODES, { message: `phải là một trong: ${DOCUMENT_TYPE_CODES.join(', ')}` })
  typeCode!: string;

  @IsString() @IsNotEmpty({ message: 'không được để trống' }) @MaxLength(1000)
  title!: string;

  @IsOptional() @IsISO8601({ strict: true }, { message: 'phải là thời điểm ISO 8601' }) @IsRegisterDate()
  issuedAt?: string;

  /** The number the document already carries; absent, the register gives the next one. */
  @IsOptional() @IsInt() @Min(1) @Max(MAX_NUMBER)
  number?: number;
}
