import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidateBy } from 'class-validator';
import { vietnamDay } from '../core/reporting-calendar';
import { invalid } from './app-error';
import { cleanInput } from './input-text';

/**
 * Vietnamese reasons for class-validator's constraints; a decorator's own `message` wins. In the order
 * a field's failures are reported: of several, the first listed is the one shown, so a value of the
 * wrong type is called that rather than "too long".
 */
const REASONS: Record<string, string> = {
  whitelistValidation: 'không được phép gửi trường này',
  isDefined: 'là bắt buộc',
  isString: 'phải là chuỗi ký tự',
  isBoolean: 'phải là đúng/sai (true/false)',
  isInt: 'phải là số nguyên',
  isNumber: 'phải là số',
  isArray: 'phải là một danh sách',
  isObject: 'phải là một đối tượng',
  nestedValidation: 'không hợp lệ',
  isUuid: 'phải là mã định danh (UUID) hợp lệ',
  isIn: 'không thuộc các giá trị cho phép',
  isEnum: 'không thuộc các giá trị cho phép',
  isCalendarDate: 'phải là ngày theo định dạng YYYY-MM-DD',
  isNotAfterToday: 'không được sau hôm nay: thay đổi có hiệu lực ngay khi được ghi nhận',
  isISO8601: 'phải là thời điểm theo ISO 8601',
  isNotEmpty: 'không được để trống',
  minLength: 'quá ngắn',
  maxLength: 'quá dài',
  arrayMinSize: 'phải có ít nhất một phần tử',
  arrayMaxSize: 'có quá nhiều phần tử',
  arrayUnique: 'không được trùng lặp',
  min: 'quá nhỏ',
  max: 'quá lớn',
  matches: 'không đúng định dạng',
};

const RANK = Object.keys(REASONS);
/** A constraint's place in REASONS; those not listed come last. */
const rank = (constraint: string) => {
  const place = RANK.indexOf(constraint);
  return place < 0 ? RANK.length : place;
};

/** Flattens nested class-validator errors into `{ "body.3.text": "không được để trống" }`. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): Record<string, string> {
  const result: Record<string, string> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const [key, english] = Object.entries(error.constraints ?? {}).sort(([a], [b]) => rank(a) - rank(b))[0] ?? [];
    if (key) result[path] = isCustomMessage(english) ? english : (REASONS[key] ?? english);
    Object.assign(result, flattenValidationErrors(error.children ?? [], path));
  }
  return result;
}

/** Our decorators pass Vietnamese messages; class-validator's defaults start with the property name. */
function isCustomMessage(message: string): boolean {
  return /[ạảãàáâậầấẩẫăắằặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữịỉĩìíọỏõòóụủũùúỵỷỹỳý]/i.test(message);
}

/** A real calendar date written exactly YYYY-MM-DD (not a date-time, not 2026-02-30). */
export function IsCalendarDate(): PropertyDecorator {
  return ValidateBy({ name: 'isCalendarDate', validator: { validate: isCalendarDate, defaultMessage: () => REASONS.isCalendarDate } });
}

/** A day (as IsCalendarDate) no later than today in Vietnam: what has taken effect, not what is planned. */
export function IsNotAfterToday(): PropertyDecorator {
  return ValidateBy({
    name: 'isNotAfterToday',
    validator: { validate: (value: unknown) => typeof value !== 'string' || value <= vietnamDay(new Date()), defaultMessage: () => REASONS.isNotAfterToday },
  });
}

/** A real day of the calendar as "YYYY-MM-DD". */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * The global pipe: every body, query and path parameter is first cleaned (cleanInput: NFC, no
 * control characters, bounded depth), then validated against its DTO.
 */
class InputValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const fromRequest = ['body', 'query', 'param'].includes(metadata.type);
    return super.transform(fromRequest ? cleanInput(value, metadata.data ?? '', metadata.type) : value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => invalid(flattenValidationErrors(errors)),
  });
}
