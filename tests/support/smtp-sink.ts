import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message as the SMTP server received it: the envelope, and the decoded headers and parts. */
export interface ReceivedMail {
  envelopeTo: string[];
  from: string;
  to: string;
  subject: string;
  messageId: string;
  text: string;
  html: string;
}

/**
 * A real SMTP server in the test process (the `smtp-server` package) on a random port, collecting
 * what it accepts. `refuseNext(n)` answers the next n messages with a temporary failure (451).
 */
export interface SmtpSink {
  url: string;
  received: ReceivedMail[];
  /** Answers the messages received so far and forgets them. */
  take: () => ReceivedMail[];
  refuseNext: (count: number) => void;
  close: () => Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refusals > 0) {
          refusals--;
          return callback(Object.assign(new Error('Hệ thống thư tạm thời bận'), { responseCode: 451 }));
        }
        received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), ...parseMessage(Buffer.concat(chunks).toString('latin1')) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    take: () => received.splice(0),
    refuseNext: (count) => (refusals = count),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Just enough MIME for what nodemailer writes: encoded-word headers, multipart/alternative, QP or base64 parts. */
function parseMessage(raw: string): Omit<ReceivedMail, 'envelopeTo'> {
  const { headers, body } = splitEntity(raw);
  const parts = multipartBodies(headers, body).map(splitEntity);
  const part = (type: string) => {
    const found = parts.find((p) => (p.headers.get('content-type') ?? '').startsWith(type));
    return found ? decodeBody(found.body, found.headers.get('content-transfer-encoding')) : '';
  };
  const header = (name: string) => decodeWords(headers.get(name) ?? '');
  return { from: header('from'), to: header('to'), subject: header('subject'), messageId: header('message-id'), text: part('text/plain'), html: part('text/html') };
}

function splitEntity(raw: string): { headers: Map<string, string>; body: string } {
  const end = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, end).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map(head.split('\r\n').map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  return { headers, body: raw.slice(end + 4) };
}

function multipartBodies(headers: Map<string, string>, body: string): string[] {
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1];
  if (!boundary) return [`content-type: ${headers.get('content-type')}\r\ncontent-transfer-encoding: ${headers.get('content-transfer-encoding')}\r\n\r\n${body}`];
  return body.split(`--${boundary}`).slice(1, -1).map((p) => p.replace(/^\r\n/, ''));
}

function decodeBody(body: string, encoding: string | undefined): string {
  if (encoding === 'base64') return Buffer.from(body, 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return quotedPrintable(body.replace(/=\r\n/g, '')).toString('utf8');
  return Buffer.from(body, 'latin1').toString('utf8');
}

function quotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(text.charCodeAt(i));
    }
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words ("=?UTF-8?B?…?="), adjacent ones joined. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_, encoding: string, data: string) =>
      (encoding.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : quotedPrintable(data.replace(/_/g, ' '))).toString('utf8'),
    )
    .replace(/^"|"(?= <)/g, '');
}
