import 'reflect-metadata';
import { createApp } from './app.factory';
import { ConfigError, loadConfigFromEnv } from './config/app-config';

async function bootstrap(): Promise<void> {
  const config = loadConfigFromEnv();
  const app = await createApp(config);
  await app.listen(config.port);
  console.log(`kehoach: http://localhost:${config.port} (API /api, tài liệu API /api/docs)`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
