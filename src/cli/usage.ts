/**
 * The usage text. In English like the option names; the Norwegian aliases and terms are the ones the
 * workbook itself uses.
 */
export const USAGE = `Usage: handlingsplan <command> [options]

Validates the budget and targets of a regional restructuring programme's
action plan (handlingsplan) kept in Excel tables, and generates the board's
formatted action-plan sheet from them.

Commands:
  sample <out.xlsx>      (eksempel) Write the Hallingdal sample workbook.
      --demo             Add a fictional project register (projects named
                         "Eksempel: ...", reports, a reallocation).
      --force            Overwrite <out.xlsx> if it exists.
  init <out.xlsx>        (ny) Write an empty template to fill in.
      --first-year YYYY  First year of the programme period (default 2022).
      --last-year YYYY   Last year of the period (default first year + 2).
      --force            Overwrite <out.xlsx> if it exists.
  validate <file.xlsx>   (kontroller) Check a workbook and list the findings.
      --year YYYY        Year to check (default: the workbook's Handlingsplanår).
      --json             Print one JSON object instead of text.
  generate <file.xlsx> -o <out.xlsx>
                         (generer) Write a copy of the workbook with the
                         board's "Handlingsplan {year}" sheet added. The
                         input file is never written. A workbook with
                         macros is copied to an .xlsm.
      --year YYYY        Year of the plan (default: Handlingsplanår).
      -o, --output FILE  Where to write the copy (must not exist, or --force).
      --force            Overwrite <out.xlsx> if it exists.
  report <file.xlsx> -o <out.xlsx>
                         (rapport) The same with the board's status report
                         "Styrerapport {year}": jobs against targets, grants
                         against budgets, delmål, leverage, projects.
      --year YYYY, -o, --force  as for generate.

Options:
  --lang nb|en           Language of messages (default nb, bokmål).
  -h, --help             Show this help.
  --version              Show the version.

Findings are feil (error), advarsel (warning) or info.

Exit status:
  0  no finding of severity feil
  1  at least one finding of severity feil
  2  the file cannot be used, or the command line is wrong
`;
