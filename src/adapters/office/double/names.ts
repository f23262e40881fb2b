import { DoubleCollection, DoubleObject, type DoubleContext, type PropertyTable } from './context';
import { DoubleRichApiError, invalidArgument, itemNotFound } from './errors';
import { removeWhere, type DoubleRange } from './range';
import { parseAddress, qualifiedAddress, type NameState, type SheetState, type WorkbookState } from './state';

/** The names of the workbook, or the names scoped to one sheet. */
interface NameScope {
  state: WorkbookState;
  sheet?: SheetState;
  list: NameState[];
}

const NAME = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u;

function checkName(scope: NameScope, name: string, location: string): void {
  if (!NAME.test(name) || /^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^[RrCc]$/.test(name))
    throw invalidArgument(`invalid name '${name}'`, location);
  const key = name.toLowerCase();
  const clash =
    scope.list.some((n) => n.name.toLowerCase() === key) ||
    (scope.sheet === undefined && scope.state.tables.some((t) => t.name.toLowerCase() === key));
  if (clash) throw new DoubleRichApiError('ItemAlreadyExists', `The name '${name}' already exists.`, location);
}

/** What a name's formula gives, without a calculation engine: ranges, string/number/boolean constants, #REF!. */
function nameValue(name: NameState): { value: unknown; type: string } {
  if (name.ref) return { value: qualifiedAddress(name.ref.sheet, name.ref.bounds, true), type: 'Range' };
  const body = name.formula.replace(/^=/, '');
  if (body.startsWith('#')) return { value: body, type: 'Error' };
  if (/^".*"$/s.test(body)) return { value: body.slice(1, -1).replace(/""/g, '"'), type: 'String' };
  if (/^-?\d+(\.\d+)?$/.test(body)) return { value: Number(body), type: 'Double' };
  if (/^(true|false)$/i.test(body)) return { value: body.toLowerCase() === 'true', type: 'Boolean' };
  return { value: body, type: 'String' };
}

export class DoubleNamedItemCollection extends DoubleCollection<NameScope, NameState, DoubleNamedItem> {
  constructor(context: DoubleContext, path: string, locateSheet: (() => SheetState | null) | undefined) {
    super(context, path, () => {
      if (locateSheet === undefined) return { state: context.state, list: context.state.names };
      const sheet = locateSheet();
      return sheet === null ? null : { state: context.state, sheet, list: sheet.names };
    });
  }

  protected get kind(): string {
    return 'NamedItemCollection';
  }

  protected members(scope: NameScope): NameState[] {
    return scope.list;
  }

  protected proxyFor(name: NameState, index: number): DoubleNamedItem {
    return new DoubleNamedItem(
      this.context,
      `${this.path}.items[${index}]`,
      () => name,
      () => this.resolve().list,
    );
  }

  getItem(key: string): DoubleNamedItem {
    return new DoubleNamedItem(
      this.context,
      `${this.path}.getItem(${JSON.stringify(key)})`,
      () => {
        const found = this.find(key);
        if (found === undefined) throw itemNotFound(`name '${key}'`, 'NamedItemCollection.getItem');
        return found;
      },
      () => this.resolve().list,
    );
  }

  getItemOrNullObject(key: string): DoubleNamedItem {
    this.context.requires('1.4', 'NamedItemCollection.getItemOrNullObject');
    const proxy = new DoubleNamedItem(
      this.context,
      `${this.path}.getItemOrNullObject(${JSON.stringify(key)})`,
      () => this.find(key) ?? null,
      () => this.resolve().list,
    );
    proxy.resolveAtNextSync();
    return proxy;
  }

  private find(key: string): NameState | undefined {
    return this.resolve().list.find((n) => n.name.toLowerCase() === key.toLowerCase());
  }

  add(name: string, reference: DoubleRange | string, comment?: string): DoubleNamedItem {
    this.context.requires('1.4', 'NamedItemCollection.add');
    const proxy = new DoubleNamedItem(
      this.context,
      `${this.path}.add(${JSON.stringify(name)})`,
      () => null,
      () => this.resolve().list,
    );
    this.context.enqueue(
      { call: `${this.path}.add`, args: [name, typeof reference === 'string' ? reference : { ref: reference.path }, comment ?? null] },
      () => {
        const scope = this.resolve();
        if (scope.state.readOnly)
          throw new DoubleRichApiError('AccessDenied', 'You cannot perform the requested operation.', 'NamedItemCollection.add');
        checkName(scope, name, 'NamedItemCollection.add');
        const created = this.nameState(name, reference, comment ?? '');
        scope.list.push(created);
        proxy.bind(created);
      },
    );
    return proxy;
  }

  private nameState(name: string, reference: DoubleRange | string, comment: string): NameState {
    if (typeof reference !== 'string') {
      const { sheet, bounds } = reference.resolve();
      return { name, formula: `=${qualifiedAddress(sheet, bounds, true)}`, visible: true, comment, ref: { sheet, bounds } };
    }
    const formula = reference.startsWith('=') ? reference : `=${reference}`;
    const parsed = parseAddress(formula.slice(1));
    const sheet = parsed?.sheet === undefined ? undefined : this.context.state.sheet(parsed.sheet);
    if (parsed !== undefined && sheet !== undefined)
      return { name, formula, visible: true, comment, ref: { sheet, bounds: parsed.bounds } };
    return { name, formula, visible: true, comment };
  }
}

export class DoubleNamedItem extends DoubleObject<NameState> {
  constructor(
    context: DoubleContext,
    path: string,
    locate: () => NameState | null,
    private readonly list: () => NameState[],
  ) {
    super(context, path, locate);
  }

  protected get kind(): string {
    return 'NamedItem';
  }

  protected properties(): PropertyTable<NameState> {
    return {
      name: (n) => n.name,
      formula: (n) => (n.ref ? `=${qualifiedAddress(n.ref.sheet, n.ref.bounds, true)}` : n.formula),
      value: (n) => nameValue(n).value,
      type: (n) => nameValue(n).type,
      visible: (n) => n.visible,
      comment: (n) => n.comment,
    };
  }

  get name(): string {
    return this.read('name') as string;
  }

  get value(): unknown {
    return this.read('value');
  }

  get formula(): unknown {
    return this.read('formula');
  }

  get type(): string {
    return this.read('type') as string;
  }

  get visible(): boolean {
    return this.read('visible') as boolean;
  }

  set visible(value: boolean) {
    this.assign('visible', value, (n) => (n.visible = value));
  }

  delete(): void {
    this.invoke('delete', [], (n) => removeWhere(this.list(), (m) => m === n));
  }
}
