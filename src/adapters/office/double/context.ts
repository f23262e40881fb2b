import { DoubleRichApiError, apiNotFound, invalidArgument, itemNotFound, propertyNotLoaded } from './errors';
import type { WorkbookState } from './state';
import type { TableChangedHandler } from './table';

/**
 * The request context of the Excel double and the base of its proxy objects. Like Office.js, a proxy records
 * what the caller asks for; nothing reaches the workbook until `context.sync()`, which applies the queued
 * commands in order, fills in what was loaded, and counts one round trip with the bytes it carried.
 */

export interface SyncStats {
  /** JSON size of the queued commands and the values they carry */
  requestBytes: number;
  /** JSON size of the loaded values sent back */
  responseBytes: number;
  commands: number;
  screenUpdatingSuspended: boolean;
  calculationSuspended: boolean;
}

/** What a context needs from the double that owns it. */
export interface DoubleHost {
  readonly state: WorkbookState;
  readonly requestLimitBytes: number;
  readonly responseLimitBytes: number;
  readonly cellEditMode: boolean;
  supports: (version: string) => boolean;
  recordSync: (stats: SyncStats) => void;
  /** members (`PageLayout.zoom`) Excel refuses, with the code it refuses them with: a printer driver, a policy */
  readonly refusals: Map<string, string>;
  /** the handlers registered with `workbook.tables.onChanged` */
  readonly tableChangedHandlers: Set<TableChangedHandler>;
}

/** Loaded values on their way back; they reach the proxies only when the whole response fits. */
export class ResponseSink {
  bytes = 0;
  private readonly commits: (() => void)[] = [];

  add(value: unknown, commit: () => void): void {
    this.bytes += jsonBytes(value);
    this.commits.push(commit);
  }

  commit(): void {
    for (const commit of this.commits) commit();
  }
}

interface Command {
  payload: Record<string, unknown>;
  apply(response: ResponseSink, stats: SyncStats): void;
}

export class DoubleContext {
  private queue: Command[] = [];
  private syncs = 0;

  constructor(readonly host: DoubleHost) {}

  get state(): WorkbookState {
    return this.host.state;
  }

  get pendingCommands(): number {
    return this.queue.length;
  }

  enqueue(payload: Record<string, unknown>, apply: (response: ResponseSink, stats: SyncStats) => void): void {
    this.queue.push({ payload, apply });
  }

  /**
   * A member the host may lack. Office.js itself is always the newest library, so an old Excel only finds out
   * at sync that it cannot run the command: the batch fails there with ApiNotFound.
   */
  requires(version: string, member: string): void {
    if (this.host.supports(version)) return;
    this.enqueue({ call: member }, () => {
      throw apiNotFound(member, version);
    });
  }

  /** A member a test told the host to refuse fails where Excel would: when its command is applied. */
  refuseIfAsked(member: string): void {
    const code = this.host.refusals.get(member);
    if (code !== undefined) throw new DoubleRichApiError(code, `Excel refused ${member}.`, member);
  }

  async sync(): Promise<void> {
    // A real sync is a round trip: the caller always resumes on a later turn.
    await Promise.resolve();
    const commands = this.queue;
    this.queue = [];
    const stats: SyncStats = {
      requestBytes: commands.reduce((n, c) => n + jsonBytes(c.payload), 0),
      responseBytes: 0,
      commands: commands.length,
      screenUpdatingSuspended: false,
      calculationSuspended: false,
    };
    this.syncs += 1;
    this.host.recordSync(stats);
    if (this.host.cellEditMode)
      throw new DoubleRichApiError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.', 'RequestContext.sync');
    if (stats.requestBytes > this.host.requestLimitBytes) {
      throw new DoubleRichApiError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size has exceeded the limit (${stats.requestBytes} bytes).`,
        'RequestContext.sync',
      );
    }
    const response = new ResponseSink();
    // Excel applies a batch up to the first failing command; what came before stays applied.
    for (const command of commands) command.apply(response, stats);
    stats.responseBytes = response.bytes;
    if (response.bytes > this.host.responseLimitBytes) {
      throw new DoubleRichApiError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size has exceeded the limit (${response.bytes} bytes).`,
        'RequestContext.sync',
      );
    }
    response.commit();
  }

  get syncCount(): number {
    return this.syncs;
  }
}

/** Bytes of a value as JSON in UTF-8: what it adds to a request or response. */
export function jsonBytes(value: unknown): number {
  if (value === undefined) return 0;
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

export type PropertyTable<T> = Record<string, (target: T) => unknown>;

/**
 * A proxy for one Excel object. It finds its target when a command that uses it is applied, and then stays
 * bound to that target, as an Office.js object stays bound to the object it first resolved to.
 */
export abstract class DoubleObject<T> {
  protected readonly loaded = new Map<string, unknown>();
  private target: T | null | undefined;

  constructor(
    readonly context: DoubleContext,
    /** how the object was reached, for error locations and request sizes */
    readonly path: string,
    private readonly locate: () => T | null,
  ) {}

  protected abstract get kind(): string;
  /** The scalar properties `load` can fetch. */
  protected abstract properties(): PropertyTable<T>;

  /** Child objects a load path may go through (`format/font`, `worksheet`). */
  protected child(_name: string): DoubleObject<unknown> | undefined {
    return undefined;
  }

  bind(target: T): void {
    this.target = target;
  }

  resolveOrNull(): T | null {
    if (this.target === undefined) this.target = this.locate();
    return this.target;
  }

  resolve(): T {
    const target = this.resolveOrNull();
    if (target === null) throw itemNotFound(this.path, this.kind);
    return target;
  }

  get isNullObject(): boolean {
    if (!this.loaded.has('isNullObject')) throw propertyNotLoaded('isNullObject', this.kind);
    return this.loaded.get('isNullObject') === true;
  }

  /** For *OrNullObject methods: resolved at the next sync, so `isNullObject` can be read after it without a load. */
  resolveAtNextSync(): void {
    this.context.enqueue({ resolve: this.path }, (response) => {
      const target = this.resolveOrNull();
      response.add(null, () => this.loaded.set('isNullObject', target === null));
    });
  }

  load(select?: string | string[]): this {
    const paths = loadPaths(select);
    this.context.enqueue({ load: this.path, select: paths }, (response) => this.applyLoad(paths, response));
    return this;
  }

  applyLoad(paths: readonly string[], response: ResponseSink): void {
    const target = this.resolveOrNull();
    response.add(null, () => this.loaded.set('isNullObject', target === null));
    if (target === null) return;
    const wanted = paths.length > 0 ? paths : Object.keys(this.properties());
    for (const path of wanted) this.loadPath(target, path, response);
  }

  protected loadPath(target: T, path: string, response: ResponseSink): void {
    const [head = '', ...rest] = path.split('/');
    const getter = this.properties()[head];
    if (getter !== undefined && rest.length === 0) {
      const value = getter(target);
      response.add(value, () => this.loaded.set(head, value));
      return;
    }
    const child = this.child(head);
    if (child === undefined) throw invalidArgument(`cannot load '${path}'`, `${this.kind}.load`);
    child.applyLoad(rest.length > 0 ? [rest.join('/')] : [], response);
  }

  /** A loaded property; throws like Office.js when it was neither loaded nor set. */
  protected read(property: string): unknown {
    if (this.loaded.get('isNullObject') === true)
      throw new DoubleRichApiError(
        'InvalidObjectPath',
        `${this.kind} is a null object; check isNullObject first.`,
        `${this.kind}.${property}`,
      );
    if (!this.loaded.has(property)) throw propertyNotLoaded(property, this.kind);
    return this.loaded.get(property);
  }

  /** Sets a property: the value is kept on the proxy (as Office.js does) and applied to the target at sync. */
  protected assign(property: string, value: unknown, apply: (target: T) => void): void {
    this.loaded.set(property, value);
    this.context.enqueue({ set: `${this.path}.${property}`, value: plain(value) }, () => {
      this.context.refuseIfAsked(`${this.kind}.${property}`);
      apply(this.resolve());
    });
  }

  protected invoke(method: string, args: readonly unknown[], apply: (target: T) => void): void {
    this.context.enqueue({ call: `${this.path}.${method}`, args: args.map(plain) }, () => {
      this.context.refuseIfAsked(`${this.kind}.${method}`);
      apply(this.resolve());
    });
  }
}

/** A value as it travels in a request: proxies as their path. */
function plain(value: unknown): unknown {
  return value instanceof DoubleObject ? { ref: value.path } : value;
}

function loadPaths(select: string | string[] | undefined): string[] {
  if (select === undefined) return [];
  const list = typeof select === 'string' ? select.split(',') : select;
  return list.map((p) => p.trim()).filter((p) => p !== '');
}

/** A collection proxy: `items` is loaded as proxies bound to the members there were at sync. */
export abstract class DoubleCollection<Owner, Item, Proxy extends DoubleObject<Item>> extends DoubleObject<Owner> {
  protected abstract members(owner: Owner): Item[];
  protected abstract proxyFor(member: Item, index: number): Proxy;

  get items(): Proxy[] {
    return this.read('items') as Proxy[];
  }

  get count(): number {
    return this.read('count') as number;
  }

  protected properties(): PropertyTable<Owner> {
    return { count: (owner) => this.members(owner).length };
  }

  /** `load('items/name, items/showTotals')` loads each member once, with every path asked for. */
  override applyLoad(paths: readonly string[], response: ResponseSink): void {
    const owner = this.resolveOrNull();
    response.add(null, () => this.loaded.set('isNullObject', owner === null));
    if (owner === null) return;
    let wantsItems = paths.length === 0;
    const itemPaths: string[] = [];
    for (const path of paths) {
      const [head, ...rest] = path.split('/');
      if (head !== 'items') {
        this.loadPath(owner, path, response);
        continue;
      }
      wantsItems = true;
      if (rest.length > 0) itemPaths.push(rest.join('/'));
    }
    if (wantsItems) this.loadItems(owner, itemPaths, response);
  }

  private loadItems(owner: Owner, paths: string[], response: ResponseSink): void {
    const proxies = this.members(owner).map((member, index) => {
      const proxy = this.proxyFor(member, index);
      proxy.bind(member);
      proxy.applyLoad(paths, response);
      return proxy;
    });
    response.add(null, () => this.loaded.set('items', proxies));
  }
}
