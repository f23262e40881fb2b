const { TestEnvironment } = require('jest-environment-jsdom');

/**
 * jsdom, with Node's own binary types. Jest runs each test file in a vm context whose Uint8Array and
 * ArrayBuffer are that context's own, while Node's Buffer (which exceljs and jszip hand back in Node) is built on
 * Node's: `buffer instanceof Uint8Array` is then false although the value is one. A browser has one realm, so
 * the pane's real .xlsx adapter needs no such care there; here the test realm is given Node's constructors,
 * and structuredClone and TextEncoder/TextDecoder, which every browser has and jsdom lacks.
 */
class PaneEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    Object.assign(this.global, { Uint8Array, ArrayBuffer, TextEncoder, TextDecoder, structuredClone });
  }
}

module.exports = PaneEnvironment;
