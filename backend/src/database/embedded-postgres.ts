import { Logger } from '@nestjs/common';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync } from 'node:fs';

/**
 * An embedded PostgreSQL (PGlite) behind a local socket server, so the app talks to it through the
 * same `pg` driver as to a real server: one code path in production and in tests.
 * PGlite is a single session, so the socket takes one connection and the pool must hold one.
 */
export class EmbeddedPostgres {
  private readonly logger = new Logger(EmbeddedPostgres.name);

  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
  ) {}

  /** `dataDir` null keeps the database in memory (used by tests). */
  static async start(dataDir: string | null): Promise<EmbeddedPostgres> {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    // pg_trgm: the trigram index behind the plan title search (a contrib extension on a real server too).
    // Its typings are ESM-only, hence the dynamic import.
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
    const db = await PGlite.create(dataDir ? `${dataDir}/pglite` : undefined, { extensions: { pg_trgm, unaccent } });
    const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 1 });
    await server.start();
    const url = `postgres://postgres@${server.getServerConn()}/postgres`;
    const embedded = new EmbeddedPostgres(db, server, url);
    embedded.logger.log(`PostgreSQL nhúng (PGlite) tại ${dataDir ?? 'bộ nhớ'}, ${server.getServerConn()}`);
    return embedded;
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
  }
}
