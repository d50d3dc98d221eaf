import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import {
  DriverException,
  ForeignKeyConstraintViolationException,
  NotFoundError,
  OptimisticLockError,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from './app-error';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: Record<string, string>;
  [detail: string]: unknown;
}

const HTTP_MESSAGES: Partial<Record<number, [string, string]>> = {
  400: ['BAD_REQUEST', 'Yêu cầu không hợp lệ'],
  401: ['UNAUTHORIZED', 'Bạn cần đăng nhập'],
  403: ['FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này'],
  404: ['NOT_FOUND', 'Không tìm thấy'],
  413: ['PAYLOAD_TOO_LARGE', 'Dữ liệu gửi lên quá lớn'],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'Kiểu hoặc bảng mã dữ liệu gửi lên không được hỗ trợ'],
  429: ['TOO_MANY_REQUESTS', 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút'],
};

/** The one place where every failure becomes `{statusCode, code, message, errors?}`; never a stack trace. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    this.respond(host.switchToHttp().getResponse<Response>(), exception);
  }

  respond(response: Response, exception: unknown): void {
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    // A 429 that knows when to come back (login throttling) says so in seconds, for clients that wait.
    if (body.statusCode === 429 && typeof body.retryAfter === 'number') response.setHeader('Retry-After', String(body.retryAfter));
    // Always JSON, also where the route declared another type (`summary.csv`) before it failed.
    response.status(body.statusCode).type('json').json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof AppError) {
      return { statusCode: exception.status, code: exception.code, message: exception.message, errors: exception.errors, ...exception.details };
    }
    if (exception instanceof NotFoundError) return this.fromStatus(HttpStatus.NOT_FOUND, 'Không tìm thấy dữ liệu');
    if (exception instanceof OptimisticLockError) {
      return { statusCode: 409, code: 'STALE_VERSION', message: 'Dữ liệu đã được người khác thay đổi; hãy tải lại rồi sửa tiếp' };
    }
    if (exception instanceof UniqueConstraintViolationException) {
      return { statusCode: 409, code: 'DUPLICATE', message: 'Dữ liệu đã tồn tại (trùng giá trị duy nhất)' };
    }
    if (exception instanceof ForeignKeyConstraintViolationException || isRestrictViolation(exception)) {
      return { statusCode: 409, code: 'IN_USE', message: 'Dữ liệu đang được tham chiếu ở nơi khác, không thể xóa hay đổi' };
    }
    if (exception instanceof HttpException) return this.fromStatus(exception.getStatus());
    if (isClientHttpError(exception)) return this.fromClientHttpError(exception);
    return { statusCode: 500, code: 'INTERNAL', message: 'Lỗi hệ thống, vui lòng thử lại sau' };
  }

  /** Body-parser's failures: malformed JSON, a body over the limit, an unknown charset. */
  private fromClientHttpError(exception: ClientHttpError): ErrorBody {
    if (exception.type === 'entity.parse.failed') {
      return { statusCode: 400, code: 'MALFORMED_JSON', message: 'Nội dung gửi lên không phải JSON hợp lệ' };
    }
    return this.fromStatus(exception.status);
  }

  private fromStatus(status: number, message?: string): ErrorBody {
    const [code, fallback] = HTTP_MESSAGES[status] ?? ['ERROR', 'Không thể xử lý yêu cầu'];
    return { statusCode: status, code, message: message ?? fallback };
  }
}

/** PostgreSQL's restrict_violation (a row still referenced `on delete restrict`), which MikroORM does not convert. */
const isRestrictViolation = (exception: unknown) => exception instanceof DriverException && exception.code === '23001';

/** An `http-errors` error that Express middleware (body-parser) raises for a bad request: safe to answer. */
interface ClientHttpError {
  status: number;
  expose: true;
  type?: string;
}

function isClientHttpError(exception: unknown): exception is ClientHttpError {
  const { status, expose } = (exception ?? {}) as Partial<ClientHttpError>;
  return expose === true && typeof status === 'number' && status >= 400 && status < 500;
}

/**
 * The filter's answer for errors raised by Express middleware before any route (body parsing). Registered
 * right after the parsers: past them the admin UI's static module turns every error under /api into a 404.
 */
export function answerMiddlewareError(error: unknown, _request: Request, response: Response, _next: NextFunction): void {
  new AllExceptionsFilter().respond(response, error);
}
