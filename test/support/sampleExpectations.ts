import type { WorkbookData } from '../../src/core/contract/tableData';
import { addressOf } from './planBuilder';

/**
 * Where the published 2022 plan of Sats på Hallingdal does not add up, worked out by hand from the seed
 * (§3, the "Resultat mål" rows and the "Sum" row under them):
 *
 *   næring \ strategy   A  B | C  D  E  F | G  H | I  J | cells  declared
 *   Opplevelse          .  . | 2  .  1  2 | .  . | .  . |   5      5
 *   Bygg og anlegg      2  2 | 1  1  1  1 | .  . | 2  . |  10     10
 *   Industri            2  2 | 2  1  .  1 | .  . | 2  . |  10     10
 *   Øvrig næringsliv    1  1 | 2  1  2  1 | .  . | 1  1 |  10     15   <- declared 15, cells 10
 *   area sums          10   |    19       |  0   |  6   |  35
 *   declared           13   |    21       |  0   |  6   |         40
 *
 * Everything else adds up: §2.1 targets (40/60/100 = 200), budgets per area equal the §4 frames
 * (800 000, 1 200 000, 400 000, 800 000, 200 000, 200 000 = 3 600 000), + 500 000 + 500 000 = 4 600 000
 * = financing 4,0 + 0,6 M. Administration is 10,9 % of the total, under the 12 % default limit.
 */
export function sampleExpectations(sample: WorkbookData) {
  return [
    {
      rule: 'targets.resultatmal-vs-target',
      severity: 'advarsel',
      ...addressOf(sample, 'Resultatmal', [2022, 'Øvrig næringsliv'], 'Næring'),
      expected: 15,
      actual: 10,
    },
    {
      rule: 'targets.resultatmal-row-sum',
      severity: 'feil',
      ...addressOf(sample, 'Resultatmal', [2022, 'Øvrig næringsliv'], 'Sum'),
      expected: 10,
      actual: 15,
    },
    {
      rule: 'targets.resultatmal-area-sum',
      severity: 'feil',
      ...addressOf(sample, 'ResultatmalSum', [2022, 1], 'Arbeidsplasser'),
      expected: 10,
      actual: 13,
    },
    {
      rule: 'targets.resultatmal-area-sum',
      severity: 'feil',
      ...addressOf(sample, 'ResultatmalSum', [2022, 2], 'Arbeidsplasser'),
      expected: 19,
      actual: 21,
    },
    {
      rule: 'targets.resultatmal-total',
      severity: 'feil',
      ...addressOf(sample, 'ResultatmalSum', [2022, 'Sum'], 'Arbeidsplasser'),
      expected: 35,
      actual: 40,
    },
  ];
}
