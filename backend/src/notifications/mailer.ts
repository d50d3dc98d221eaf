import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { wrapMessage } from './messages';
import type { ClaimedMessage } from './outbox.repository';

/** Connections kept open to the SMTP server, so messages do not each pay for a handshake. */
const MAX_CONNECTIONS = 4;
/** Well inside the worker's lease, so a hung server never lets a second worker send the same message. */
const SMTP_TIMEOUT_MS = 30_000;

/** The SMTP side of the outbox (nodemailer): one message, resolved once the server answered 250. */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private transport?: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Throws what the server or the network said when the message was not accepted. */
  async send(message: ClaimedMessage): Promise<void> {
    const { text, html } = wrapMessage(message.recipientName, { text: message.textBody, html: message.htmlBody });
    await this.connection().sendMail({
      from: this.config.mail.from,
      to: { name: message.recipientName, address: message.toAddress },
      subject: message.subject,
      text,
      html,
      // The same id at every attempt: a receiving server that got a message whose 250 we missed can drop the copy.
      messageId: `<${message.id}@${new URL(this.config.mail.publicUrl).hostname}>`,
    });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  private connection(): Transporter {
    this.transport ??= createTransport({
      url: this.config.mail.smtpUrl!,
      pool: true,
      maxConnections: MAX_CONNECTIONS,
      connectionTimeout: SMTP_TIMEOUT_MS,
      greetingTimeout: SMTP_TIMEOUT_MS,
      socketTimeout: SMTP_TIMEOUT_MS,
    });
    return this.transport;
  }
}
