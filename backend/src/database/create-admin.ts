import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { AppModule } from '../app.module';
import { AppError } from '../common/app-error';
import { AppConfig, ConfigError, DEFAULT_ADMIN_FULL_NAME, FirstAdminInput, loadConfigFromEnv, rootOrganisationInput } from '../config/app-config';
import { FIRST_ADMIN_PASSWORD_MIN, FirstAdminService } from '../users/first-admin.service';

const USAGE = `Cách dùng:
  npm run create-admin -- --username <tên đăng nhập> [--full-name "<họ và tên>"]
      [--organisation "<tên tổ chức gốc>" --symbol <ký hiệu, ví dụ MTTQ-BTT> --place "<địa danh>"]
Tổ chức gốc chỉ cần khi cơ sở dữ liệu chưa có tổ chức nào. Mật khẩu (ít nhất ${FIRST_ADMIN_PASSWORD_MIN} ký tự) lấy từ
biến môi trường ADMIN_PASSWORD hoặc nhập vào (stdin), không bao giờ từ dòng lệnh. Cơ sở dữ liệu: DATABASE_URL,
hoặc cơ sở dữ liệu nhúng trong DATA_DIR (dừng ứng dụng trước khi chạy lệnh này).`;

class UsageError extends Error {}

/**
 * `npm run create-admin`: the first administrator (and the root organisation, on an empty database),
 * created by the app's own services on the configured database, migrated first.
 */
async function main(): Promise<void> {
  const input = await adminFromCommandLine(process.argv.slice(2));
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(commandConfig()), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  try {
    const admin = (await app.get(FirstAdminService).create(input))!;
    console.log(`Đã tạo quản trị viên "${admin.username}" (${admin.fullName}) thuộc "${admin.organisation.name}".`);
  } finally {
    await app.close();
  }
}

async function adminFromCommandLine(args: string[]): Promise<FirstAdminInput> {
  // A password in argv lands in the shell history and in every process listing.
  if (args.some((arg) => arg.startsWith('--password'))) throw new UsageError('Không nhận mật khẩu trên dòng lệnh: dùng ADMIN_PASSWORD hoặc nhập vào.');
  const { values } = parseCommandLine(args);
  if (!values.username) throw new UsageError('Thiếu --username.');
  return {
    username: values.username,
    fullName: values['full-name'] ?? DEFAULT_ADMIN_FULL_NAME,
    password: process.env.ADMIN_PASSWORD || (await readLine(`Mật khẩu cho "${values.username}" (không hiện khi gõ): `)),
    organisation: rootOrganisationInput(values.organisation, values.symbol, values.place),
  };
}

function parseCommandLine(args: string[]) {
  const text = { type: 'string' } as const;
  try {
    return parseArgs({ args, options: { username: text, 'full-name': text, organisation: text, symbol: text, place: text } });
  } catch (error) {
    throw new UsageError(`Tham số không hợp lệ: ${(error as Error).message}`);
  }
}

/** The app's configuration for a one-off command: nothing started or seeded besides the database. */
function commandConfig(): AppConfig {
  // The command signs no token: a placeholder keeps JWT_SECRET optional here and writes none into DATA_DIR.
  const config = loadConfigFromEnv({ ...process.env, JWT_SECRET: 'create-admin-signs-no-token' });
  return { ...config, seedDemoData: false, initialAdmin: null, backgroundJobs: false, adminDist: null, logLevel: process.env.LOG_LEVEL || 'warn' };
}

/** One line of stdin: piped, or typed at a terminal where readline edits it but echoes into nothing. */
function readLine(prompt: string): Promise<string> {
  const interactive = Boolean(process.stdin.isTTY);
  if (interactive) process.stdout.write(prompt);
  const silent = new Writable({ write: (_chunk, _encoding, next) => next() });
  const rl = createInterface({ input: process.stdin, output: silent, terminal: interactive });
  return new Promise<string>((resolve, reject) => {
    rl.once('line', (line) => {
      resolve(line);
      rl.close();
    });
    // Ctrl-C or the end of stdin without a line (once resolved, this rejection is ignored).
    rl.once('close', () => reject(new UsageError('Chưa nhập mật khẩu.')));
    rl.on('SIGINT', () => rl.close());
  }).finally(() => interactive && process.stdout.write('\n'));
}

main().catch((error: unknown) => {
  const known = error instanceof AppError || error instanceof ConfigError || error instanceof UsageError;
  console.error(known ? (error as Error).message : error);
  if (error instanceof UsageError) console.error(USAGE);
  process.exit(1);
});
