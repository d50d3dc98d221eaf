import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import {
  ForeignKeyConstraintViolationException,
  NotFoundError,
  OptimisticLockError,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { ThrottlerException } from '@nestjs/throttler';
import type { Response } from 'express';
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
  429: ['TOO_MANY_REQUESTS', 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút'],
};

/** The one place where every failure becomes `{statusCode, code, message, errors?}`; never a stack trace. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(body.statusCode).json(body);
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
    if (exception instanceof ForeignKeyConstraintViolationException) {
      return { statusCode: 409, code: 'IN_USE', message: 'Dữ liệu đang được tham chiếu ở nơi khác, không thể xóa hay đổi' };
    }
    if (exception instanceof ThrottlerException) return this.fromStatus(HttpStatus.TOO_MANY_REQUESTS);
    if (exception instanceof HttpException) return this.fromHttpException(exception);
    return { statusCode: 500, code: 'INTERNAL', message: 'Lỗi hệ thống, vui lòng thử lại sau' };
  }

  private fromHttpException(exception: HttpException): ErrorBody {
    const status = exception.getStatus();
    // Body-parser failures (malformed JSON) arrive as a 400 with an English message.
    if (status === 400 && /JSON/i.test(exception.message)) {
      return { statusCode: 400, code: 'MALFORMED_JSON', message: 'Nội dung gửi lên không phải JSON hợp lệ' };
    }
    return this.fromStatus(status);
  }

  private fromStatus(status: number, message?: string): ErrorBody {
    const [code, fallback] = HTTP_MESSAGES[status] ?? ['ERROR', 'Không thể xử lý yêu cầu'];
    return { statusCode: status, code, message: message ?? fallback };
  }
}
