import { makeFinding } from '../findings/make';
import type { Finding } from '../findings/types';
import { formatDate } from '../text/dates';
import { a1 } from '../util/brand';
import type { RuleContext } from './context';

/** A generated sheet whose recorded input digest is not the digest of the input as it is now. */
export function stalenessRules({ generated, inputDigest }: RuleContext): Finding[] {
  return generated
    .filter((sheet) => sheet.inputDigest !== inputDigest)
    .map((sheet) =>
      makeFinding(
        'staleness.generated-stale',
        { sheet: sheet.sheet, cell: a1('A1') },
        { sheet: sheet.sheet, date: formatDate(sheet.generatedAt ?? '') },
        { expected: inputDigest, actual: sheet.inputDigest },
      ),
    );
}
