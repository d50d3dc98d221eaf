import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from './auth/auth.module';
import { AllExceptionsFilter } from './common/http-exception.filter';
import { ContentRangeInterceptor } from './common/list-query';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DemoDataModule } from './database/seeders/demo-data.module';
import { HealthModule } from './health/health.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { UsersModule } from './users/users.module';
import { PlansModule } from './plans/plans.module';
import { WorkflowModule } from './workflow/workflow.module';
import { NumberingModule } from './numbering/numbering.module';
import { DistributionModule } from './distribution/distribution.module';
import { ReportsModule } from './reports/reports.module';
import { SearchModule } from './search/search.module';
import { IncomingModule } from './incoming/incoming.module';
import { OrganisationChangesModule } from './organisation-changes/organisation-changes.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => !req.url?.startsWith('/api') },
          },
        }),
        DatabaseModule.forRoot(),
        AuthModule,
        OrganisationsModule,
        UsersModule,
        PlansModule,
        WorkflowModule,
        NumberingModule,
        IncomingModule,
        DistributionModule,
        ReportsModule,
        SearchModule,
        OrganisationChangesModule,
        HealthModule,
        DemoDataModule,
        ...adminUi(config),
      ],
      providers: [
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: ContentRangeInterceptor },
      ],
    };
  }
}

/** The built react-admin app, served at `/` next to the API, when it has been built. */
function adminUi(config: AppConfig): DynamicModule[] {
  if (!config.adminDist || !existsSync(config.adminDist)) return [];
  return [ServeStaticModule.forRoot({ rootPath: config.adminDist, exclude: ['/api/{*path}'] })];
}
