// Site settings are read on every comment post, vote and page render, and change a few times a
// year: each process keeps one copy. A write through updateSettings drops this process's copy at
// once and, with Redis, every other instance's. A write nothing announces (another process on the
// same database without Redis, or while Redis is away) is seen once the copy is MAX_AGE_MS old.
import type { SiteSettings } from "./defaults";
import { SettingsChannel } from "./redis-channel";

export const SETTINGS_MAX_AGE_MS = 5_000;

export type SettingsCacheOptions = {
  /** Reads the stored settings (one query). */
  read: () => Promise<SiteSettings>;
  /** Other instances are told of changes through Redis, and tell this one. */
  redisUrl?: string;
  now?: () => number;
  maxAgeMs?: number;
};

export class SettingsCache {
  private held?: { settings: SiteSettings; readAt: number };
  private reading?: Promise<SiteSettings>;
  // Bumped by every drop: a read begun before a change does not store what it found.
  private generation = 0;
  private readonly now: () => number;
  private readonly maxAgeMs: number;
  private readonly channel?: SettingsChannel;

  constructor(private readonly options: SettingsCacheOptions) {
    this.now = options.now ?? Date.now;
    this.maxAgeMs = options.maxAgeMs ?? SETTINGS_MAX_AGE_MS;
    if (options.redisUrl) this.channel = new SettingsChannel(options.redisUrl, () => this.drop());
  }

  /** The settings: this process's copy while young enough, else one read shared by every caller meanwhile. */
  async get(): Promise<SiteSettings> {
    this.channel?.listen();
    const held = this.held;
    // A copy each: a caller that changes its object changes nobody else's.
    if (held && this.now() - held.readAt < this.maxAgeMs) return { ...held.settings };
    return { ...(await (this.reading ?? this.load())) };
  }

  private load(): Promise<SiteSettings> {
    const generation = this.generation;
    // Aged from before the read: a write committed during it is seen within the maximum age.
    const startedAt = this.now();
    const reading = this.options
      .read()
      .then((settings) => {
        if (generation === this.generation) this.held = { settings, readAt: startedAt };
        return settings;
      })
      .finally(() => {
        if (this.reading === reading) this.reading = undefined;
      });
    this.reading = reading;
    return reading;
  }

  /** Forgets this process's copy: the next get() reads the rows again. */
  drop(): void {
    this.held = undefined;
    this.reading = undefined;
    this.generation++;
  }

  /** After a write to the settings has committed: in effect here at once, and on the other instances when Redis tells them. */
  async changed(): Promise<void> {
    this.drop();
    await this.channel?.publish();
  }

  /** Subscribed to changes from other instances right now. */
  get listening(): boolean {
    return this.channel?.listening === true;
  }

  close(): void {
    this.channel?.close();
  }
}
