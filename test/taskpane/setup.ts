import { configure } from '@testing-library/dom';

/**
 * jsdom lacks Blob#arrayBuffer, which every browser the pane supports has; the pane reads opened files with
 * it. Supplied here through FileReader, which jsdom does have.
 */
if (typeof window !== 'undefined' && typeof Blob.prototype.arrayBuffer !== 'function') {
  Object.defineProperty(Blob.prototype, 'arrayBuffer', {
    configurable: true,
    value(this: Blob): Promise<ArrayBuffer> {
      return new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.onerror = () => reject(reader.error ?? new Error('read failed'));
        reader.readAsArrayBuffer(this);
      });
    },
  });
}

/**
 * findBy…/waitFor give up after 1 s by default; the pane's tests render the whole App, and on a loaded
 * machine (CI sharing its cores) the first render alone has taken longer. 5 s is still far below the test timeout.
 * The manifest test runs in node: the library loads there too (it looks for a document only when queried).
 */
configure({ asyncUtilTimeout: 5_000 });
