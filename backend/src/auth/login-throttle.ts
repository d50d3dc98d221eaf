import { EntityManager } from '@mikro-orm/postgresql';
import { HttpStatus, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error';

/**
 * Limits per 15-minute window, counted in the database so every instance sees the same counts:
 * 10 failures per username (from any address) slow down guessing one account's password; 30 per
 * address (over any usernames) slow down trying common passwords on many accounts, while leaving an
 * office behind one address room for its staff's typos. Fixed windows: a burst at a window's edge
 * may see up to twice a limit, which bcrypt and the small limits keep harmless.
 */
const WINDOW = '15 minutes';
const LIMITS = { username: 10, address: 30 } as const;

export interface LoginKeys {
  username: string;
  address: string;
}

/** Only failed logins count: other people's failures never use up a successful login's allowance. */
@Injectable()
export class LoginThrottle {
  /**
   * Runs `attempt` unless the username or the address is over its limit (429 with the seconds to
   * wait). The attempt is counted before it runs — one atomic upsert, so parallel attempts cannot
   * overrun a limit — and un-counted when it succeeds or is refused; a failure (a throw) stays counted.
   */
  async limit<T>(em: EntityManager, keys: LoginKeys, attempt: () => Promise<T>): Promise<T> {
    const counts = await em.execute<CountRow[]>(COUNT_SQL, [WINDOW, keys.username, keys.address, WINDOW]);
    const window = counts[0].window_start;
    const over = counts.find((row) => row.failures > LIMITS[row.kind]);
    if (over) {
      await this.uncount(em, keys, window);
      throw tooManyAttempts(over.retry_after);
    }
    const result = await attempt();
    await this.uncount(em, keys, window);
    return result;
  }

  /**
   * For a secret checked in a moment, a signing key's PIN: refused while the username or the address is
   * over its limit; only a failure counts and a success costs nothing, so a clerk issuing many plans at
   * once is never held up. Guesses are limited as passwords are, give or take the requests already in
   * flight when the limit is reached.
   */
  async limitFailures<T>(em: EntityManager, keys: LoginKeys, attempt: () => Promise<T>): Promise<T> {
    const over = await em.execute<CountRow[]>(OVER_SQL, [WINDOW, WINDOW, keys.username, LIMITS.username, keys.address, LIMITS.address]);
    if (over.length) throw tooManyAttempts(over[0].retry_after);
    try {
      return await attempt();
    } catch (error) {
      await em.execute(COUNT_SQL, [WINDOW, keys.username, keys.address, WINDOW]);
      throw error;
    }
  }

  private async uncount(em: EntityManager, keys: LoginKeys, window: string): Promise<void> {
    await em.execute(UNCOUNT_SQL, [window, keys.username, keys.address]);
  }
}

// Rows of past windows are removed on the way, skipping any another instance is removing right now.
const COUNT_SQL = `
  with current_window as (select date_bin(?::interval, now(), timestamptz '2000-01-01 00:00:00+00') as "start"),
  expired as (
    delete from "login_failure" where ("kind", "key", "window_start") in (
      select "kind", "key", "window_start" from "login_failure"
      where "window_start" < (select "start" from current_window) for update skip locked)
  )
  insert into "login_failure" ("kind", "key", "window_start", "failures")
  select k."kind", k."key", w."start", 1 from current_window w, (values ('username', ?), ('address', ?)) as k("kind", "key")
  on conflict ("kind", "key", "window_start") do update set "failures" = "login_failure"."failures" + 1
  returning "kind", "window_start", "failures", ceil(extract(epoch from "window_start" + ?::interval - now()))::int as "retry_after"`;

const OVER_SQL = `
  select "kind", "window_start", "failures", ceil(extract(epoch from "window_start" + ?::interval - now()))::int as "retry_after"
  from "login_failure"
  where "window_start" = date_bin(?::interval, now(), timestamptz '2000-01-01 00:00:00+00')
    and (("kind" = 'username' and "key" = ? and "failures" >= ?) or ("kind" = 'address' and "key" = ? and "failures" >= ?))`;

const UNCOUNT_SQL = `
  update "login_failure" set "failures" = "failures" - 1
  where "window_start" = ?::timestamptz and ("kind", "key") in (('username', ?), ('address', ?))`;

interface CountRow {
  kind: keyof typeof LIMITS;
  /** As the driver hands timestamps over: text, passed back unchanged. */
  window_start: string;
  failures: number;
  retry_after: number;
}

function tooManyAttempts(retryAfter: number): AppError {
  const minutes = Math.max(1, Math.ceil(retryAfter / 60));
  return new AppError(
    HttpStatus.TOO_MANY_REQUESTS,
    'TOO_MANY_LOGIN_ATTEMPTS',
    `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
    undefined,
    { retryAfter: Math.max(1, retryAfter) },
  );
}
