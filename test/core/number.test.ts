import { headerUnit, parseNorwegianNumber } from '../../src/core/parse/number';
import { normalizeHeader } from '../../src/core/text/keys';
import { expandStrategies, classifyPost } from '../../src/core/parse/plan';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

test.each([
  ['400.000,-', 'units', 400000],
  ['400.000,–', 'units', 400000],
  ['1 200 000', 'units', 1200000],
  [`1${NBSP}200${NBSP}000`, 'units', 1200000],
  [`1${NNBSP}200${NNBSP}000`, 'units', 1200000],
  ['1 200 000 kr', 'units', 1200000],
  ['kr 500 000', 'units', 500000],
  ['kr. 500.000,-', 'units', 500000],
  ['NOK 75 000', 'units', 75000],
  ['3,6 M', 'units', 3600000],
  ['3,6 mill.', 'units', 3600000],
  ['4,6 MNOK', 'units', 4600000],
  ['4,0', 'millions', 4000000],
  ['0,6', 'millions', 600000],
  ['3,6 M', 'millions', 3600000],
  ['12', 'units', 12],
  ['2,5', 'units', 2.5],
  ['-200 000', 'units', -200000],
  ['\u2212200 000', 'units', -200000],
  ['kr -1 000', 'units', -1000],
  ['1.5', 'units', 1.5],
  ['  7  ', 'units', 7],
] as const)('%j in %s reads as %d', (text, unit, expected) => {
  const parsed = parseNorwegianNumber(text, unit);
  expect(parsed.ok).toBe(true);
  if (parsed.ok) expect(parsed.value).toBeCloseTo(expected, 6);
});

test.each(['', 'tre', '1 20 000', '1.20.000', '12 kr 13', 'kr', '1,2,3', '#VALUE!', '--5', '1 000,-,-x', '5%'])(
  '%j is not read as a number',
  (text) => {
    expect(parseNorwegianNumber(text)).toEqual({ ok: false });
  },
);

test('headers in millions', () => {
  expect(headerUnit('Beløp (mill. kr)')).toBe('millions');
  expect(headerUnit('Beløp (MNOK)')).toBe('millions');
  expect(headerUnit('Beløp i millioner')).toBe('millions');
  expect(headerUnit('Beløp')).toBe('units');
});

test('headers match across case, spacing and æ/ø/å spellings', () => {
  expect(normalizeHeader('Næring')).toBe(normalizeHeader('NAERING'));
  expect(normalizeHeader('Beløp')).toBe(normalizeHeader('Belop'));
  expect(normalizeHeader('År')).toBe(normalizeHeader('aar'));
  expect(normalizeHeader('Mål')).toBe(normalizeHeader('Mal'));
  expect(normalizeHeader('PLP-fase')).toBe(normalizeHeader('plp fase'));
  expect(normalizeHeader('Beløp (mill. kr)')).toBe(normalizeHeader('Beløp'));
});

test('strategy lists and ranges follow the strategy order', () => {
  const codes = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
  expect(expandStrategies('G-H', codes)).toEqual(['G', 'H']);
  expect(expandStrategies('C–F', codes)).toEqual(['C', 'D', 'E', 'F']);
  expect(expandStrategies('E, F', codes)).toEqual(['E', 'F']);
  expect(expandStrategies('a/b', codes)).toEqual(['A', 'B']);
  expect(expandStrategies('X-Y', codes)).toEqual(['X', 'Y']);
});

test('Rammer posts: areas by name or number, declared sums, cost lines', () => {
  const ref = { sheet: 'S', cell: 'A1' as never };
  const areas = [
    { nr: 1, name: 'Kompetanse og rekruttering', type: 'tematisk' as const, ref },
    { nr: 2, name: 'Innovasjonskultur', type: 'tematisk' as const, ref },
  ];
  expect(classifyPost('Kompetanse og rekruttering', areas)).toEqual({ kind: 'area', area: 1 });
  expect(classifyPost('2. Innovasjonskultur', areas)).toEqual({ kind: 'area', area: 2 });
  expect(classifyPost('Sum innsatsområder', areas)).toEqual({ kind: 'sum-areas' });
  expect(classifyPost('Sum totalt', areas)).toEqual({ kind: 'sum-total' });
  expect(classifyPost('Administrasjon', areas)).toEqual({ kind: 'cost' });
  expect(classifyPost('SUM:', areas)).toEqual({ kind: 'sum-total' });
  expect(classifyPost('Summen', areas)).toEqual({ kind: 'sum-total' });
  // A cost line that only begins with the letters is a cost line, not a declared total.
  expect(classifyPost('Summit-konferanse', areas)).toEqual({ kind: 'cost' });
  expect(classifyPost('Sumpmarka naturpark', areas)).toEqual({ kind: 'cost' });
});
