import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { answerMiddlewareError } from './common/http-exception.filter';
import { AppConfig } from './config/app-config';

/**
 * The largest request body. A real plan of 200 blocks is 300–500 kB of JSON (Vietnamese letters take two or
 * three bytes), far over Express's default 100 kB; 2 MB leaves room for the longest plan while reading and
 * validating any body stays a moment's work. Above it: 413.
 */
const BODY_LIMIT = '2mb';

/** Builds the whole app exactly as production runs it; the tests call this too. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // The browser UI's session cookie (auth/session-cookies.ts).
  app.use(cookieParser());
  app.setGlobalPrefix('api');
  // Behind a reverse proxy the client's address (login throttling) and https come from X-Forwarded-*,
  // trusted only from the configured hops so that a client cannot forge them.
  if (config.trustProxy !== false) app.getHttpAdapter().getInstance().set('trust proxy', config.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // MUI (react-admin) injects its styles at run time.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
        },
      },
    }),
  );
  app.enableCors({
    origin: config.corsOrigins.length ? config.corsOrigins : false,
    exposedHeaders: ['Content-Range', 'Content-Disposition', 'X-Content-SHA256', 'Retry-After'],
  });
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: true });
  app.use(answerMiddlewareError);
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, () =>
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder().setTitle('kehoach API').setDescription('Kế hoạch MTTQ: soạn thảo, ký, ban hành, phân phối').addBearerAuth().build(),
    ),
  );
  return app;
}
