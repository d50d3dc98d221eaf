import { ValidationError, ValidationPipe } from '@nestjs/common';
import { invalid } from './app-error';

/** Vietnamese reasons for class-validator's constraints; a decorator's own `message` wins. */
const REASONS: Record<string, string> = {
  isNotEmpty: 'không được để trống',
  isDefined: 'là bắt buộc',
  isString: 'phải là chuỗi ký tự',
  isBoolean: 'phải là đúng/sai (true/false)',
  isInt: 'phải là số nguyên',
  isNumber: 'phải là số',
  isArray: 'phải là một danh sách',
  isObject: 'phải là một đối tượng',
  isUuid: 'phải là mã định danh (UUID) hợp lệ',
  isIn: 'không thuộc các giá trị cho phép',
  isEnum: 'không thuộc các giá trị cho phép',
  isISO8601: 'phải là ngày theo định dạng YYYY-MM-DD',
  isDateString: 'phải là ngày theo định dạng YYYY-MM-DD',
  minLength: 'quá ngắn',
  maxLength: 'quá dài',
  arrayMinSize: 'phải có ít nhất một phần tử',
  arrayMaxSize: 'có quá nhiều phần tử',
  arrayUnique: 'không được trùng lặp',
  min: 'quá nhỏ',
  max: 'quá lớn',
  matches: 'không đúng định dạng',
  whitelistValidation: 'không được phép gửi trường này',
  nestedValidation: 'không hợp lệ',
};

/** Flattens nested class-validator errors into `{ "body.3.text": "không được để trống" }`. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): Record<string, string> {
  const result: Record<string, string> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const [key, english] = Object.entries(error.constraints ?? {})[0] ?? [];
    if (key) result[path] = isCustomMessage(english) ? english : (REASONS[key] ?? english);
    Object.assign(result, flattenValidationErrors(error.children ?? [], path));
  }
  return result;
}

/** Our decorators pass Vietnamese messages; class-validator's defaults start with the property name. */
function isCustomMessage(message: string): boolean {
  return /[ạảãàáâậầấẩẫăắằặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữịỉĩìíọỏõòóụủũùúỵỷỹỳý]/i.test(message);
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => invalid(flattenValidationErrors(errors)),
  });
}
