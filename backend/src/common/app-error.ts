import { HttpStatus } from '@nestjs/common';

/**
 * A failure the caller can act on, with a stable code and a Vietnamese message.
 * The exception filter turns it into `{statusCode, code, message, errors?, ...details}`.
 */
export class AppError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: string,
    message: string,
    readonly errors?: Record<string, string>,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** 400 with one message per field, keyed as react-admin expects (`body.3.text`). */
export function invalid(errors: Record<string, string>): AppError {
  const summary = Object.entries(errors)
    .map(([field, reason]) => `${field}: ${reason}`)
    .join('; ');
  return new AppError(HttpStatus.BAD_REQUEST, 'VALIDATION', `Dữ liệu không hợp lệ — ${summary}`, errors);
}

/** 404: also what a caller gets for something it may not see. */
export function notFound(what = 'Không tìm thấy dữ liệu'): AppError {
  return new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND', what);
}

export function forbidden(message = 'Bạn không có quyền thực hiện thao tác này'): AppError {
  return new AppError(HttpStatus.FORBIDDEN, 'FORBIDDEN', message);
}

export function conflict(code: string, message: string, details?: Record<string, unknown>): AppError {
  return new AppError(HttpStatus.CONFLICT, code, message, undefined, details);
}
