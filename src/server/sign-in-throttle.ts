/**
 * Slowing down password guessing without locking anyone out. Failed sign-ins are counted per
 * (account, address) and per address; after a few free failures each further one makes that
 * pair (or that address) wait, doubling each time up to a cap. Someone guessing at an account
 * therefore slows only themselves: the owner, signing in from another address, is never made
 * to wait. A success clears the pair. Memory is bounded: old entries are forgotten.
 */

export type ThrottleOptions = Readonly<{
  /** Failures of one account from one address before waits start. @default 3 */
  freePerAccount: number;
  /** Failures from one address (any account) before waits start. @default 10 */
  freePerAddress: number;
  /** The first wait. @default 1000 */
  baseDelayMs: number;
  /** The longest wait. @default 15 minutes */
  maxDelayMs: number;
}>;

type Entry = { failures: number; until: number; last: number };

const FORGET_AFTER_MS = 24 * 3600 * 1000;
const MAX_ENTRIES = 50_000;

export class SignInThrottle {
  private readonly entries = new Map<string, Entry>();
  private readonly options: ThrottleOptions;

  constructor(options: Partial<ThrottleOptions> = {}) {
    this.options = { freePerAccount: 3, freePerAddress: 10, baseDelayMs: 1000, maxDelayMs: 15 * 60 * 1000, ...options };
  }

  private keys(email: string, ip: string): [string, string] {
    return [`a\n${email}\n${ip}`, `i\n${ip}`];
  }

  /**
   * @param email - the account tried (lower-case)
   * @param ip - the client's address
   * @param now - the time, ms
   * @returns how many ms the client must still wait (0: it may try now)
   */
  waitMs(email: string, ip: string, now: number): number {
    let wait = 0;
    for (const key of this.keys(email, ip)) {
      const e = this.entries.get(key);
      if (e && e.until > now) wait = Math.max(wait, e.until - now);
    }
    return wait;
  }

  /**
   * Records a failed sign-in.
   * @param email - the account tried
   * @param ip - the client's address
   * @param now - the time, ms
   */
  failed(email: string, ip: string, now: number): void {
    const [pair, address] = this.keys(email, ip);
    this.bump(pair, this.options.freePerAccount, now);
    this.bump(address, this.options.freePerAddress, now);
    if (this.entries.size > MAX_ENTRIES) this.prune(now);
  }

  /**
   * Records a successful sign-in: the pair starts afresh (the address's count stays).
   * @param email - the account
   * @param ip - the client's address
   */
  succeeded(email: string, ip: string): void {
    this.entries.delete(this.keys(email, ip)[0]);
  }

  private bump(key: string, free: number, now: number): void {
    const old = this.entries.get(key);
    const e: Entry = old && now - old.last < FORGET_AFTER_MS ? old : { failures: 0, until: 0, last: now };
    e.failures += 1;
    e.last = now;
    const over = e.failures - free;
    if (over > 0) e.until = now + Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** Math.min(over - 1, 30));
    this.entries.set(key, e);
  }

  private prune(now: number): void {
    for (const [key, e] of this.entries) if (now - e.last >= FORGET_AFTER_MS && e.until <= now) this.entries.delete(key);
    // Still too many (an attack from very many addresses): forget the oldest.
    if (this.entries.size > MAX_ENTRIES) {
      const excess = this.entries.size - MAX_ENTRIES;
      let i = 0;
      for (const key of this.entries.keys()) {
        if (i++ >= excess) break;
        this.entries.delete(key);
      }
    }
  }
}
