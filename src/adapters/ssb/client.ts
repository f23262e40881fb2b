import { StatisticsError } from '../../core/effekt/ssb';

/** SSB's PxWebApi 2 (CC BY 4.0). The page's CSP allows this origin and no other (src/taskpane/taskpane.html). */
export const SSB_ORIGIN = 'https://data.ssb.no';
export const SSB_API = `${SSB_ORIGIN}/api/pxwebapi/v2`;

/** SSB allows 30 requests per minute per IP address (its user guide): one every two seconds keeps well inside. */
export const MIN_INTERVAL_MS = 2_000;
const DEFAULT_TIMEOUT_MS = 20_000;
/** Longest wait SSB's Retry-After is honoured for before giving up with a message. */
const MAX_RETRY_AFTER_MS = 60_000;

export interface ClientOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** waiting between requests; tests pass one that records instead of sleeping */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** An answer SSB gave with an error status that concerns one table (the caller may go on with the others). */
export class SsbHttpError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
  ) {
    super(`HTTP ${status} from ${url}`);
    this.name = 'SsbHttpError';
  }
}

/**
 * GETs JSON from SSB one request at a time, at most one every two seconds; a 429 is waited out once (as long as
 * SSB's Retry-After asks, up to a minute), then told. Offline, a timeout, SSB's server errors and a body that is
 * not JSON become StatisticsError with one Norwegian line; 4xx other than 429 become SsbHttpError.
 */
export class SsbClient {
  private last = -Infinity;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  /** every URL asked, in order (the CLI and tests show them) */
  readonly requested: string[] = [];

  constructor(options: ClientOptions = {}) {
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? (() => Date.now());
  }

  async getJson(url: string): Promise<unknown> {
    const response = await this.request(url);
    if (response.status === 429) {
      const wait = retryAfterMs(response.headers.get('retry-after'));
      if (wait === undefined || wait > MAX_RETRY_AFTER_MS) throw rateLimited();
      await this.sleep(wait);
      const again = await this.request(url);
      if (again.status === 429) throw rateLimited();
      return this.body(again, url);
    }
    return this.body(response, url);
  }

  private async request(url: string): Promise<Response> {
    const wait = this.last + MIN_INTERVAL_MS - this.now();
    if (wait > 0) await this.sleep(wait);
    this.last = this.now();
    this.requested.push(url);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    try {
      return await this.fetch(url, { signal: controller.signal, headers: { accept: 'application/json' } });
    } catch (error) {
      if (timedOut || isAbort(error)) throw timeout(this.timeoutMs);
      throw offline();
    } finally {
      clearTimeout(timer);
    }
  }

  private async body(response: Response, url: string): Promise<unknown> {
    if (response.status >= 500) throw serverError(response.status);
    if (!response.ok) throw new SsbHttpError(response.status, url);
    try {
      return JSON.parse(await response.text()) as unknown;
    } catch {
      throw badResponse();
    }
  }
}

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && error.name === 'AbortError';
}

/** Retry-After in seconds (what SSB sends) or as an HTTP date. */
function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export function offline(): StatisticsError {
  return new StatisticsError(
    'offline',
    'Får ikke kontakt med SSB (data.ssb.no). Sjekk nettforbindelsen og prøv igjen.',
    'Cannot reach Statistics Norway (data.ssb.no). Check the network connection and try again.',
  );
}

export function timeout(ms: number): StatisticsError {
  const s = Math.round(ms / 1000);
  return new StatisticsError(
    'timeout',
    `SSB svarte ikke innen ${s} sekunder. Prøv igjen om litt.`,
    `Statistics Norway did not answer within ${s} seconds. Try again in a while.`,
  );
}

export function rateLimited(): StatisticsError {
  return new StatisticsError(
    'rate-limited',
    'SSB tar imot høyst 30 spørringer i minuttet fra samme nettverk, og grensen er nådd (svar 429). Vent et minutt og prøv igjen.',
    'Statistics Norway takes at most 30 requests a minute from one network, and the limit is reached (answer 429). Wait a minute and try again.',
  );
}

function serverError(status: number): StatisticsError {
  return new StatisticsError(
    'http',
    `SSB svarte med en feil (HTTP ${status}). Statistikkbanken kan være nede for vedlikehold; prøv igjen senere.`,
    `Statistics Norway answered with an error (HTTP ${status}). The statbank may be down for maintenance; try again later.`,
  );
}

export function badResponse(): StatisticsError {
  return new StatisticsError(
    'bad-response',
    'SSB svarte med noe som ikke er JSON-stat slik tillegget venter. Ingenting er skrevet.',
    'Statistics Norway answered with something that is not JSON-stat as expected. Nothing was written.',
  );
}
