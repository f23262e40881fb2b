import type { Localized, Severity } from './severity';

/**
 * Every rule the validator knows: its stable id, default severity and message in bokmål and English.
 * Placeholders `{name}` are filled from the finding's parameters. This is the one place that maps
 * rule ids to words; rules never build user text themselves.
 */
interface RuleText {
  severity: Severity;
  message: Localized;
}

function rule(severity: Severity, nb: string, en: string): RuleText {
  return { severity, message: { nb, en } };
}

export const CATALOG = {
  // structure
  'structure.missing-table': rule(
    'feil',
    'Tabellen «{table}» finnes ikke (forventet på arket «{sheet}»).',
    'Table "{table}" is missing (expected on sheet "{sheet}").',
  ),
  'structure.missing-column': rule('feil', 'Tabellen «{table}» mangler kolonnen «{column}».', 'Table "{table}" has no column "{column}".'),
  'structure.duplicate-column': rule(
    'advarsel',
    'Kolonnen «{column}» står to ganger i «{table}»; den første brukes.',
    'Column "{column}" appears twice in "{table}"; the first one is used.',
  ),
  'structure.empty-required': rule('feil', '«{column}» må fylles ut ({table}).', '"{column}" must be filled in ({table}).'),
  'structure.duplicate-key': rule(
    'feil',
    '{key} står flere ganger i «{table}» (først i {first}).',
    '{key} appears more than once in "{table}" (first in {first}).',
  ),
  'structure.unknown-reference': rule('feil', 'Ukjent {what} «{value}» i «{table}».', 'Unknown {what} "{value}" in "{table}".'),
  'structure.year-outside-period': rule(
    'feil',
    'Året {year} ligger utenfor programperioden {first}–{last}.',
    'Year {year} is outside the programme period {first}–{last}.',
  ),
  'structure.program-setting': rule(
    'feil',
    'Programoppsettet mangler «{field}» (tabellen Program).',
    'The programme setup lacks "{field}" (table Program).',
  ),
  'structure.invalid-period': rule(
    'feil',
    'Programperioden er ugyldig: første år {first}, siste år {last}.',
    'The programme period is invalid: first year {first}, last year {last}.',
  ),
  'structure.invalid-value': rule(
    'feil',
    '«{value}» er ikke en gyldig verdi for «{column}» ({table}); tillatt: {allowed}.',
    '"{value}" is not a valid value for "{column}" ({table}); allowed: {allowed}.',
  ),
  'structure.unknown-column': rule(
    'feil',
    'Kolonnen «{header}» i «{table}» er verken en strategikode i Strategier eller en kolonne i kontrakten; tallene i den er ikke lest.',
    'Column "{header}" in "{table}" is neither a strategy code in Strategier nor a contract column; its figures were not read.',
  ),
  'structure.year-column-outside-period': rule(
    'feil',
    'Årskolonnen {year} i «{table}» ligger utenfor programperioden {first}–{last}; tallene i den er ikke lest.',
    'Year column {year} in "{table}" is outside the programme period {first}–{last}; its figures were not read.',
  ),
  'structure.no-data-for-year': rule(
    'info',
    'Arbeidsboka har ingen budsjett, rammer, finansiering eller resultatmål for {year}.',
    'The workbook has no budget, frames, financing or result targets for {year}.',
  ),
  // values
  'values.number-as-text': rule(
    'advarsel',
    'Tallet er lagret som tekst («{text}»); det leses som {value}.',
    'The number is stored as text ("{text}"); it reads as {value}.',
  ),
  'values.not-a-number': rule('feil', '«{text}» kan ikke leses som et tall ({column}).', '"{text}" cannot be read as a number ({column}).'),
  'values.error-value': rule('feil', 'Cellen inneholder feilverdien {error}.', 'The cell holds the error value {error}.'),
  'values.not-calculated': rule(
    'advarsel',
    'Formelen er ikke beregnet: cellen har ingen lagret verdi ({column}). Åpne arbeidsboka i Excel og lagre den, så kan den kontrolleres.',
    'The formula has not been calculated: the cell holds no stored value ({column}). Open the workbook in Excel and save it, so it can be checked.',
  ),
  'values.not-checked': rule(
    'info',
    'Ikke kontrollert: {what} avhenger av {blocking}, som ikke kan leses.',
    'Not checked: {whatEn} depends on {blocking}, which cannot be read.',
  ),
  'values.negative-amount': rule('feil', 'Negativt beløp i «{column}».', 'Negative amount in "{column}".'),
  'values.not-whole-kroner': rule(
    'advarsel',
    'Beløpet er ikke hele kroner; det regnes som {value}.',
    'The amount is not whole kroner; it counts as {value}.',
  ),
  'values.fractional-jobs': rule('feil', 'Antall i «{column}» må være et helt tall.', 'The count in "{column}" must be a whole number.'),
  'values.negative-count': rule('feil', 'Antall i «{column}» kan ikke være negativt.', 'The count in "{column}" cannot be negative.'),
  'values.not-a-date': rule('feil', '«{text}» er ikke en dato ({column}).', '"{text}" is not a date ({column}).'),
  // budget
  'budget.strategies-exceed-frame': rule(
    'feil',
    'Budsjettet for strategiene i innsatsområde {area} ({year}) er større enn rammen.',
    'The strategy budgets of focus area {area} ({year}) exceed its frame.',
  ),
  'budget.frame-not-allocated': rule(
    'advarsel',
    'Rammen for innsatsområde {area} ({year}) er ikke fordelt fullt på strategier.',
    'The frame of focus area {area} ({year}) is not fully allocated to strategies.',
  ),
  'budget.missing-frame': rule(
    'advarsel',
    'Innsatsområde {area} har budsjett, men ingen ramme i {year}.',
    'Focus area {area} has a budget but no frame in {year}.',
  ),
  'budget.frame-sum': rule(
    'feil',
    'Oppgitt sum for innsatsområdene ({year}) stemmer ikke med summen av rammene.',
    'The declared sum of the focus areas ({year}) does not match the sum of their frames.',
  ),
  'budget.total': rule(
    'feil',
    'Oppgitt totalramme ({year}) stemmer ikke med innsatsområder + kostnadsposter.',
    'The declared total ({year}) does not match focus areas + cost lines.',
  ),
  'budget.financing': rule(
    'feil',
    'Finansieringen ({year}) dekker ikke totalrammen.',
    'The financing ({year}) does not match the total frame.',
  ),
  'budget.financing-sum': rule(
    'feil',
    'Oppgitt sum for finansieringen ({year}) stemmer ikke med kildene.',
    'The declared financing sum ({year}) does not match its sources.',
  ),
  'budget.admin-share': rule(
    'advarsel',
    'Administrasjon er {share} av totalrammen ({year}); grensen er {limit}.',
    'Administration is {share} of the total frame ({year}); the limit is {limit}.',
  ),
  'budget.no-frame': rule('info', 'Ingen rammer er registrert for {year}.', 'No frames are recorded for {year}.'),
  'budget.no-strategy-budget': rule(
    'info',
    'Rammene for {year} er ikke fordelt på strategier ennå: tabellen Budsjett har ingen linjer for {year}.',
    'The frames for {year} are not yet split between strategies: the Budsjett table has no lines for {year}.',
  ),
  // targets
  'targets.row-sum': rule(
    'feil',
    'Oppgitt sum for {naering} stemmer ikke med årene.',
    'The declared sum for {naering} does not match its years.',
  ),
  'targets.year-sum': rule(
    'feil',
    'Oppgitt sum for {year} stemmer ikke med næringene.',
    'The declared sum for {year} does not match the industries.',
  ),
  'targets.period-total': rule(
    'feil',
    'Oppgitt totalsum for perioden stemmer ikke med målene.',
    'The declared period total does not match the targets.',
  ),
  'targets.program-goal': rule(
    'feil',
    'Arbeidsplassmålene for perioden summerer ikke til programmets mål.',
    'The job targets of the period do not add up to the programme goal.',
  ),
  'targets.missing-target': rule('advarsel', '{naering} har ikke mål for {year}.', '{naering} has no target for {year}.'),
  'targets.resultatmal-row-sum': rule(
    'feil',
    'Resultatmål {year}, {naering}: oppgitt sum stemmer ikke med strategiene.',
    'Result targets {year}, {naering}: the declared sum does not match the strategies.',
  ),
  'targets.resultatmal-area-sum': rule(
    'feil',
    'Resultatmål {year}: oppgitt sum for innsatsområde {area} stemmer ikke med strategiene.',
    'Result targets {year}: the declared sum for focus area {area} does not match its strategies.',
  ),
  'targets.resultatmal-total': rule(
    'feil',
    'Resultatmål {year}: oppgitt totalsum stemmer ikke med matrisen.',
    'Result targets {year}: the declared total does not match the matrix.',
  ),
  'targets.resultatmal-vs-target': rule(
    'advarsel',
    'Resultatmål {year} for {naering} summerer til {actual}, men arbeidsplassmålet er {expected}.',
    'Result targets {year} for {naering} add up to {actual}, but the job target is {expected}.',
  ),
  'targets.resultatmal-support-strategy': rule(
    'advarsel',
    'Strategi {code} hører til et støtteområde og har ikke resultatmål.',
    'Strategy {code} belongs to a support area and has no result targets.',
  ),
  // staleness
  'staleness.generated-stale': rule(
    'advarsel',
    'Arket «{sheet}» ble laget {date} fra et grunnlag som er endret siden. Generer det på nytt.',
    'Sheet "{sheet}" was made {date} from input that has changed since. Generate it again.',
  ),
  // delmål
  // next year's plan
  'plan.proposal': rule(
    'advarsel',
    '{what} for {year} er et forslag ({proposal}): kontroller det, og tøm Forslag-cellen når det er bestemt.',
    '{whatEn} for {year} is a proposal ({proposal}): check it, and empty the Forslag cell once it is decided.',
  ),
  'delmal.unknown-strategy': rule(
    'feil',
    'Delmål/tiltak viser til ukjent strategi «{code}».',
    'Sub-goal/measure refers to unknown strategy "{code}".',
  ),
  'delmal.minimum-not-met': rule(
    'info',
    'Delmål {year} ({strategies}): {what} er {actual} i prosjektregisteret, minimum er {expected}.',
    'Sub-goal {year} ({strategies}): {whatEn} is {actual} in the project register, the minimum is {expected}.',
  ),
  // project register
  'projects.unknown-strategy': rule(
    'feil',
    'Prosjekt {id} viser til ukjent strategi «{value}».',
    'Project {id} refers to unknown strategy "{value}".',
  ),
  'projects.unknown-naering': rule(
    'feil',
    'Prosjekt {id} viser til ukjent næring «{value}».',
    'Project {id} refers to unknown industry "{value}".',
  ),
  'projects.unknown-phase': rule(
    'feil',
    'Prosjekt {id}: «{value}» er ikke en PLP-fase (forstudie, forprosjekt, hovedprosjekt).',
    'Project {id}: "{value}" is not a PLP phase (forstudie, forprosjekt, hovedprosjekt).',
  ),
  'projects.unknown-status': rule(
    'feil',
    'Prosjekt {id}: «{value}» er ikke en gyldig status (søkt, innvilget, aktiv, avsluttet, avslått).',
    'Project {id}: "{value}" is not a valid status (søkt, innvilget, aktiv, avsluttet, avslått).',
  ),
  'projects.report-unknown-project': rule(
    'feil',
    'Rapporten gjelder prosjekt «{id}», som ikke står i Prosjekter.',
    'The report is for project "{id}", which is not in Prosjekter.',
  ),
  'projects.report-without-grant': rule(
    'advarsel',
    'Prosjekt {id} har ikke fått tilskudd (Innvilget er tom eller 0); rapporten telles ikke (nye arbeidsplasser: {jobs}).',
    'Project {id} has received no grant (Innvilget is empty or 0); the report does not count (new jobs: {jobs}).',
  ),
  'projects.report-unknown-naering': rule(
    'feil',
    'Rapporten for prosjekt {id} viser til ukjent næring «{value}».',
    'The report for project {id} refers to unknown industry "{value}".',
  ),
  'projects.report-outside-period': rule(
    'feil',
    'Rapportdatoen {date} (prosjekt {id}) ligger utenfor programperioden {first}–{last}.',
    'The report date {date} (project {id}) is outside the programme period {first}–{last}.',
  ),
  'projects.granted-over-budget': rule(
    'advarsel',
    'Innvilget til strategi {code} i {year} er {granted} kr, mer enn budsjettet på {budget} kr.',
    'Granted to strategy {code} in {year} is {granted} kr, more than its budget of {budget} kr.',
  ),
  // reallocations
  'reallocation.unknown-area': rule(
    'feil',
    'Omdisponering {date}: «{value}» ({column}) er ikke et kjent innsatsområde eller en kjent strategi.',
    'Reallocation {date}: "{value}" ({column}) is not a known focus area or strategy.',
  ),
  'reallocation.not-available': rule(
    'feil',
    'Omdisponering {date}: {amount} kr kan ikke flyttes fra «{from}»; rammen har {available} kr igjen i {year}.',
    'Reallocation {date}: {amount} kr cannot be moved from "{from}"; its frame has {available} kr left in {year}.',
  ),
  'reallocation.changes-total': rule(
    'feil',
    'Omdisponering {date}: «{value}» er ikke et innsatsområde, så flyttingen endrer summen av rammene for innsatsområdene.',
    'Reallocation {date}: "{value}" is not a focus area, so the move changes the total of the focus-area frames.',
  ),
  // effect indicators (§2.4)
  'effekt.unknown-kommune': rule(
    'feil',
    'Kommunen «{value}» står ikke i tabellen Kommuner (kjente: {known}). La Kommune stå tom for hele regionen.',
    'Kommune "{value}" is not in the Kommuner table (known: {known}). Leave Kommune empty for the whole region.',
  ),
  'effekt.missing-source': rule(
    'advarsel',
    '{indicator} {year} har ingen kilde: skriv hvor tallet kommer fra i «Kilde».',
    '{indicator} {year} has no source: say where the figure comes from in "Kilde".',
  ),
  'effekt.duplicate-row': rule(
    'feil',
    '{indicator} {year} for {kommune} står flere ganger (først i {first}).',
    '{indicator} {year} for {kommune} appears more than once (first in {first}).',
  ),
  'effekt.wrong-kind': rule('feil', '{indicator} må være {kindNb}, ikke {value}.', '{indicator} must be {kindEn}, not {value}.'),
  'effekt.missing-baseline': rule(
    'advarsel',
    '{indicator} ({kommune}) har tall etter {baseline}, men mangler utgangsåret {baseline} som endringen måles mot.',
    '{indicator} ({kommune}) has figures after {baseline} but lacks the baseline year {baseline} that change is measured against.',
  ),
} as const satisfies Record<string, RuleText>;

export type RuleId = keyof typeof CATALOG;

export type MessageParams = Record<string, string | number>;

/** A catalog message with its `{placeholders}` filled in from `params` (an unknown one stays as written). */
export function fillPlaceholders(message: string, params: MessageParams): string {
  return message.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    return value === undefined ? whole : String(value);
  });
}
