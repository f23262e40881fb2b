/**
 * @jest-environment jsdom
 */
import { detectHost, openedByOffice, storedLang, storeLang, type OfficeLike } from '../../src/taskpane/boot';
import { cellRef, downloadName, formatNumber, formatValue } from '../../src/taskpane/format';
import { luminance, pickTheme } from '../../src/taskpane/theme';

const HostType = { Excel: 'Excel', Word: 'Word' };

function office(onReady: () => Promise<{ host: unknown }>): OfficeLike {
  return { onReady, HostType };
}

const outside = (o: OfficeLike | undefined, timeoutMs?: number) =>
  detectHost({ inOffice: false, office: () => Promise.resolve(o), ...(timeoutMs === undefined ? {} : { timeoutMs }) });
const inExcel = (o: () => Promise<OfficeLike | undefined>, timeoutMs: number, onProgress?: (s: number) => void) =>
  detectHost({ inOffice: true, office: o, timeoutMs, ...(onProgress ? { onProgress } : {}) });

describe('detectHost outside Office', () => {
  test('no Office.js (CDN blocked, offline): standalone', async () => {
    expect(await outside(undefined)).toBe('standalone');
  });

  test('Office.js in Excel: excel', async () => {
    expect(await outside(office(() => Promise.resolve({ host: 'Excel' })))).toBe('excel');
  });

  test('Office.js in a plain browser (no host) or another host: standalone', async () => {
    expect(await outside(office(() => Promise.resolve({ host: null })))).toBe('standalone');
    expect(await outside(office(() => Promise.resolve({ host: 'Word' })))).toBe('standalone');
  });

  test('onReady that never answers, or fails: standalone after the timeout', async () => {
    const started = Date.now();
    expect(
      await outside(
        office(() => new Promise(() => undefined)),
        50,
      ),
    ).toBe('standalone');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await outside(office(() => Promise.reject(new Error('boom'))))).toBe('standalone');
  });
});

describe('detectHost when Office opened the page (_host_Info)', () => {
  test('Office.js that loads late is waited for, with progress, and the answer is excel', async () => {
    const ticks: number[] = [];
    const late = () =>
      new Promise<OfficeLike>((resolve) => setTimeout(() => resolve(office(() => Promise.resolve({ host: 'Excel' }))), 2200));
    expect(await inExcel(late, 10_000, (s) => ticks.push(s))).toBe('excel');
    expect(ticks.length).toBeGreaterThanOrEqual(2);
  });

  test('never "standalone": a script that fails or an onReady that never answers is "no-answer"', async () => {
    expect(await inExcel(() => Promise.resolve(undefined), 1000)).toBe('no-answer');
    expect(await inExcel(() => Promise.resolve(office(() => new Promise(() => undefined))), 100)).toBe('no-answer');
  });

  test('openedByOffice: _host_Info in the URL or kept in sessionStorage', () => {
    expect(openedByOffice('?_host_Info=Excel$Win32$16.01$nb-NO$$$$0', undefined)).toBe(true);
    expect(openedByOffice('?sample=1', undefined)).toBe(false);
    window.sessionStorage.clear();
    expect(openedByOffice('', window.sessionStorage)).toBe(false);
    window.sessionStorage.setItem('hostInfoValue', 'Excel|Win32|16.01|nb-NO|||0');
    expect(openedByOffice('', window.sessionStorage)).toBe(true);
    window.sessionStorage.clear();
  });
});

describe('language choice', () => {
  test('bokmål by default; English when chosen before', () => {
    window.localStorage.clear();
    expect(storedLang()).toBe('nb');
    storeLang('en');
    expect(storedLang()).toBe('en');
    storeLang('nb');
    expect(storedLang()).toBe('nb');
  });
});

describe('theme', () => {
  test('follows the Office theme’s background when there is one, else the system', () => {
    expect(luminance('#ffffff')).toBeCloseTo(1);
    expect(luminance('#000000')).toBe(0);
    expect(luminance('not a colour')).toBeNull();
    expect(pickTheme('#FFFFFF', true)).toBe('light');
    expect(pickTheme('#262626', false)).toBe('dark');
    expect(pickTheme('#1f1f1f', false)).toBe('dark');
    expect(pickTheme('#E6E6E6', true)).toBe('light');
    expect(pickTheme(undefined, true)).toBe('dark');
    expect(pickTheme(undefined, false)).toBe('light');
    expect(pickTheme('', true)).toBe('dark');
  });
});

describe('format', () => {
  test('numbers the Norwegian way, with no-break spaces', () => {
    expect(formatNumber(1200000)).toBe('1\u00a0200\u00a0000');
    expect(formatNumber(4600000)).toBe('4\u00a0600\u00a0000');
    expect(formatNumber(10.9)).toBe('10,9');
    expect(formatNumber(-500)).toBe('-500');
    expect(formatValue(null, '(tom)')).toBe('(tom)');
    expect(formatValue('400.000,-', '')).toBe('400.000,-');
  });

  test('cell references quote sheet names that need it', () => {
    expect(cellRef('Mål', 'M15')).toBe('Mål!M15');
    expect(cellRef('Handlingsplan 2022', 'A1')).toBe("'Handlingsplan 2022'!A1");
    expect(cellRef("Ola's", 'B2')).toBe("'Ola''s'!B2");
    expect(cellRef('AB12', 'C3')).toBe("'AB12'!C3");
  });

  test('download names keep the file’s name and drop what file systems refuse', () => {
    expect(downloadName('sats-pa-hallingdal', 2022)).toBe('sats-pa-hallingdal – handlingsplan 2022.xlsx');
    expect(downloadName('Budsjett 2022.xlsx', 2023)).toBe('Budsjett 2022 – handlingsplan 2023.xlsx');
    expect(downloadName('a/b:c*?"<>|d\u0007.xlsx', 2022)).toBe('a b c d – handlingsplan 2022.xlsx');
    expect(downloadName('', 2022)).toBe('arbeidsbok – handlingsplan 2022.xlsx');
  });
});
