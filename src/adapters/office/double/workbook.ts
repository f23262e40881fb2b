import { DoubleObject, type DoubleContext, type PropertyTable } from './context';
import { DoubleNamedItemCollection } from './names';
import { DoubleWorksheetCollection } from './sheet';
import { DoubleTableCollection } from './table';
import type { WorkbookState } from './state';

export class DoubleWorkbook extends DoubleObject<WorkbookState> {
  readonly worksheets: DoubleWorksheetCollection;
  readonly tables: DoubleTableCollection;
  readonly application: DoubleApplication;
  private namesProxy: DoubleNamedItemCollection | undefined;

  constructor(context: DoubleContext) {
    super(context, 'workbook', () => context.state);
    this.worksheets = new DoubleWorksheetCollection(context, 'workbook.worksheets', () => context.state);
    this.tables = new DoubleTableCollection(context, 'workbook.tables', undefined);
    this.application = new DoubleApplication(context, 'workbook.application', () => context.state);
  }

  protected get kind(): string {
    return 'Workbook';
  }

  protected properties(): PropertyTable<WorkbookState> {
    return {};
  }

  get names(): DoubleNamedItemCollection {
    this.namesProxy ??= new DoubleNamedItemCollection(this.context, 'workbook.names', undefined);
    return this.namesProxy;
  }

  get protection(): DoubleWorkbookProtection {
    return new DoubleWorkbookProtection(this.context, 'workbook.protection', () => this.context.state);
  }
}

export class DoubleApplication extends DoubleObject<WorkbookState> {
  protected get kind(): string {
    return 'Application';
  }

  protected properties(): PropertyTable<WorkbookState> {
    return {};
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.context.requires('1.9', 'Application.suspendScreenUpdatingUntilNextSync');
    this.context.enqueue({ call: 'application.suspendScreenUpdatingUntilNextSync' }, (_response, stats) => {
      stats.screenUpdatingSuspended = true;
    });
  }

  suspendApiCalculationUntilNextSync(): void {
    this.context.requires('1.6', 'Application.suspendApiCalculationUntilNextSync');
    this.context.enqueue({ call: 'application.suspendApiCalculationUntilNextSync' }, (_response, stats) => {
      stats.calculationSuspended = true;
    });
  }
}

export class DoubleWorkbookProtection extends DoubleObject<WorkbookState> {
  protected get kind(): string {
    return 'WorkbookProtection';
  }

  protected properties(): PropertyTable<WorkbookState> {
    return { protected: (s) => s.isProtected };
  }

  get protected(): boolean {
    return this.read('protected') as boolean;
  }
}
