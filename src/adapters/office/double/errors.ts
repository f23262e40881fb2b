/**
 * Errors shaped like Office.js's `OfficeExtension.Error` ("RichApi.Error"): a `code` from Excel's list
 * (AccessDenied, ItemNotFound, MergedRangeConflict, …), a message and debug info naming the failing member.
 */
export class DoubleRichApiError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation: string };

  constructor(
    readonly code: string,
    message: string,
    errorLocation = '',
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, errorLocation };
  }
}

/** What real Office.js throws when a property is read before `load()` and `sync()`. */
export function propertyNotLoaded(property: string, kind: string): DoubleRichApiError {
  return new DoubleRichApiError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${kind}.${property}`,
  );
}

export function itemNotFound(what: string, location: string): DoubleRichApiError {
  return new DoubleRichApiError('ItemNotFound', `The requested resource doesn't exist. (${what})`, location);
}

export function invalidArgument(detail: string, location: string): DoubleRichApiError {
  return new DoubleRichApiError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (${detail})`, location);
}

export function accessDenied(location: string): DoubleRichApiError {
  return new DoubleRichApiError('AccessDenied', 'You cannot perform the requested operation.', location);
}

export function apiNotFound(member: string, version: string): DoubleRichApiError {
  return new DoubleRichApiError(
    'ApiNotFound',
    `The API you are trying to use could not be found. (${member} needs ExcelApi ${version})`,
    member,
  );
}
