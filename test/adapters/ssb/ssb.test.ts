import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SsbPort } from '../../../src/adapters/ssb/port';
import { StatisticsError, type SsbFigure } from '../../../src/core/effekt/ssb';

/**
 * The SSB adapter against recorded answers. The fixtures are written from the documented formats (JSON-stat 2.0
 * for data, PxWebApi 2's code list answer) with illustrative values — see the README — and every figure below
 * is worked out by hand from them: 07459 holds the same count at every single-year age (106 ages, 000–105+).
 */
const fixture = (name: string): string => readFileSync(join(__dirname, name), 'utf8');

interface Answer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

function fakeFetch(route: (url: string) => Answer | 'offline' | 'hang'): { fetch: typeof fetch; urls: string[] } {
  const urls: string[] = [];
  const fn = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    urls.push(url);
    const answer = route(url);
    if (answer === 'offline') return Promise.reject(new TypeError('fetch failed'));
    if (answer === 'hang') {
      return new Promise((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }))),
      );
    }
    return Promise.resolve(
      new Response(answer.body, { status: answer.status, headers: answer.headers ?? { 'content-type': 'application/json' } }),
    );
  };
  return { fetch: fn, urls };
}

function recorded(url: string): Answer {
  if (url.includes('/codelists/agg_KommSummer')) return { status: 200, body: fixture('codelist-agg_KommSummer.json') };
  if (url.includes('/tables/07459/')) return { status: 200, body: fixture('data-07459.json') };
  if (url.includes('/tables/11616/')) return { status: 200, body: fixture('data-11616.json') };
  return { status: 404, body: '{"type":"NotFound","title":"Table not found","status":404}' };
}

function port(route: (url: string) => Answer | 'offline' | 'hang', options: { timeoutMs?: number } = {}) {
  const waits: number[] = [];
  let clock = 0;
  const fake = fakeFetch(route);
  const ssb = new SsbPort({
    fetch: fake.fetch,
    timeoutMs: options.timeoutMs ?? 1_000,
    now: () => clock,
    sleep: (ms) => {
      waits.push(ms);
      clock += ms;
      return Promise.resolve();
    },
  });
  return { ssb, urls: fake.urls, waits };
}

const byKey = (figures: readonly SsbFigure[]) => Object.fromEntries(figures.map((f) => [`${f.indicator}|${f.kommune}|${f.year}`, f.value]));

describe('SSB adapter over recorded answers', () => {
  test('population, the 20–39 band and employed by place of work per kommune, summed as by hand; an old number finds its kommune', async () => {
    const { ssb, urls } = port(recorded);
    // 3041 is Gol's number of 2020–2023: the code list's value map takes it to K-3324.
    const result = await ssb.fetchIndicators({ kommuner: ['3320', '3041'], fromYear: 2021 });
    expect(byKey(result.figures)).toEqual({
      'Folkemengde|3320|2021': 106 * 2,
      'Folkemengde|3320|2022': 106 * 3,
      'Folkemengde|3320|2023': 106 * 4,
      'Folkemengde 20–39 år|3320|2021': 20 * 2,
      'Folkemengde 20–39 år|3320|2022': 20 * 3,
      'Folkemengde 20–39 år|3320|2023': 20 * 4,
      'Folkemengde|3041|2021': 106 * 10,
      'Folkemengde|3041|2022': 106 * 11,
      'Folkemengde 20–39 år|3041|2021': 20 * 10,
      'Folkemengde 20–39 år|3041|2022': 20 * 11,
      'Sysselsatte etter arbeidssted|3320|2021': 480,
      'Sysselsatte etter arbeidssted|3320|2022': 485,
      'Sysselsatte etter arbeidssted|3041|2021': 2700,
      'Sysselsatte etter arbeidssted|3041|2022': 2705,
    });
    expect(result.codesUsed).toEqual([
      { kommune: '3320', code: 'K-3320', label: 'Flå', earlier: ['3039', '0615'] },
      { kommune: '3041', code: 'K-3324', label: 'Gol', earlier: ['3041', '0617'] },
    ]);
    expect(result.unknownKommuner).toEqual([]);
    // The table whose id could not be confirmed answers 404 here: told, and the rest still counts.
    expect(result.failedTables.map((f) => f.table)).toEqual(['12972']);
    expect(result.failedTables[0]?.nb).toMatch(/HTTP 404/);
    expect(urls[1]).toBe(
      'https://data.ssb.no/api/pxwebapi/v2/tables/07459/data?lang=no&outputFormat=json-stat2&valueCodes[Region]=K-3320,K-3324&codelist[Region]=agg_KommSummer&outputValues[Region]=aggregated&valueCodes[ContentsCode]=Personer1&valueCodes[Alder]=*&valueCodes[Tid]=from(2021)',
    );
    expect(urls.every((u) => u.startsWith('https://data.ssb.no/'))).toBe(true);
  });

  test('keeps within 30 requests a minute: two seconds between requests', async () => {
    const { ssb, waits } = port(recorded);
    await ssb.fetchIndicators({ kommuner: ['3320'], fromYear: 2021 });
    expect(ssb.client.requested).toHaveLength(4);
    expect(waits).toEqual([2_000, 2_000, 2_000]);
  });

  test('an unknown region: none of the numbers known is a clear error; some unknown are named', async () => {
    await expect(port(recorded).ssb.fetchIndicators({ kommuner: ['9999'], fromYear: 2021 })).rejects.toMatchObject({
      code: 'unknown-region',
      nb: expect.stringMatching(/9999/) as string,
    });
    const some = await port(recorded).ssb.fetchIndicators({ kommuner: ['3320', '9999'], fromYear: 2021 });
    expect(some.unknownKommuner).toEqual(['9999']);
  });

  test('429: waits as long as Retry-After asks and tries once more; a second 429 or a long wait is told in Norwegian', async () => {
    let first = true;
    const once = port((url) => {
      if (first) {
        first = false;
        return { status: 429, body: '', headers: { 'retry-after': '5' } };
      }
      return recorded(url);
    });
    const result = await once.ssb.fetchIndicators({ kommuner: ['3320'], fromYear: 2021 });
    expect(result.figures.length).toBeGreaterThan(0);
    expect(once.waits[0]).toBe(5_000);

    const always = port(() => ({ status: 429, body: '', headers: { 'retry-after': '5' } }));
    const error = await always.ssb.fetchIndicators({ kommuner: ['3320'], fromYear: 2021 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StatisticsError);
    expect(error).toMatchObject({ code: 'rate-limited', nb: expect.stringMatching(/30 spørringer i minuttet/) as string });

    const long = port(() => ({ status: 429, body: '', headers: { 'retry-after': '3600' } }));
    await expect(long.ssb.fetchIndicators({ kommuner: ['3320'], fromYear: 2021 })).rejects.toMatchObject({ code: 'rate-limited' });
  });

  test('a timeout, offline and a server error each give one Norwegian line', async () => {
    await expect(port(() => 'hang', { timeoutMs: 20 }).ssb.fetchIndicators({ kommuner: ['3320'], fromYear: 2021 })).rejects.toMatchObject({
      code: 'timeout',
      nb: 'SSB svarte ikke innen 0 sekunder. Prøv igjen om litt.',
    });
    await expect(port(() => 'offline').ssb.fetchIndicators({ kommuner: ['3320'], fromYear: 2021 })).rejects.toMatchObject({
      code: 'offline',
      nb: expect.stringMatching(/^Får ikke kontakt med SSB/) as string,
    });
    await expect(
      port(() => ({ status: 503, body: 'maintenance' })).ssb.fetchIndicators({ kommuner: ['3320'], fromYear: 2021 }),
    ).rejects.toMatchObject({ code: 'http', nb: expect.stringMatching(/HTTP 503/) as string });
    await expect(
      port(() => ({ status: 200, body: '<html>' })).ssb.fetchIndicators({ kommuner: ['3320'], fromYear: 2021 }),
    ).rejects.toMatchObject({ code: 'bad-response' });
  });
});
