/**
 * The outbox worker's throughput: messages already in the outbox (as events leave them) sent to an
 * SMTP server in this process (the `smtp-server` package, accepting everything), and marked sent.
 */
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { AppConfig } from '../src/config/app-config';
import { OutboxWorker } from '../src/notifications/outbox-worker';
import { startBenchApp } from './bench-app';

export interface MailBenchResult {
  messages: number;
  seconds: number;
  messagesPerSecond: number;
  /** what the SMTP server accepted: the messages, once each */
  received: number;
}

/** A sink that accepts every message and counts them. */
async function startCountingSmtp(): Promise<{ url: string; received: () => number; close: () => Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** `messages` rows for the demo leader, then one drain of the worker, timed. */
export async function benchMail(config: AppConfig, messages: number): Promise<MailBenchResult> {
  const smtp = await startCountingSmtp();
  const app = await startBenchApp({ ...config, mail: { ...config.mail, smtpUrl: smtp.url, publicUrl: 'http://kehoach.bench' } });
  try {
    await app.orm.em.fork().getConnection().execute(
      `insert into "outbox_message" ("id", "dedupe_key", "recipient_id", "to_address", "kind", "delivery", "subject", "text_body", "html_body", "next_attempt_at", "created_at")
       select gen_random_uuid(), 'bench:' || g, u."id", u."email", 'new_task', 'immediate', '[Kế hoạch] Chờ anh/chị phê duyệt: Kế hoạch số ' || g,
         'Kế hoạch "Kế hoạch số ' || g || '" của Ủy ban MTTQ Việt Nam tỉnh Sơn La đang chờ anh/chị phê duyệt.', '<p>Kế hoạch số ' || g || ' đang chờ anh/chị phê duyệt.</p>', now(), now()
       from generate_series(1, ?) g, "user" u where u."username" = 'pct.tinh'`,
      [messages],
    );
    const started = performance.now();
    const { sent } = await app.app.get(OutboxWorker).drain();
    const seconds = (performance.now() - started) / 1000;
    return { messages: sent, seconds, messagesPerSecond: sent / seconds, received: smtp.received() };
  } finally {
    await app.close();
    await smtp.close();
  }
}
