import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';

/**
 * Counts login attempts per address *and* username, so one office behind one address is not locked
 * out by a colleague's typos, while guessing one account's password is still slowed down.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected async getTracker(request: Request): Promise<string> {
    const username = String(request.body?.username ?? '').trim().toLowerCase();
    return `${request.ip}|${username}`;
  }
}
