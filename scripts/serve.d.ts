/** Types for scripts/serve.js, the static server of `npm start` and the end-to-end tests. */
export interface ServerOptions {
  /** the folder to serve (default dist/web) */
  root?: string;
  /** 0: any free port (default 3000) */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** how many ports from `port` on to try when it is busy (default 1: only `port`) */
  portAttempts?: number;
  /** serve HTTPS with this key and certificate */
  tls?: { key: Buffer; cert: Buffer };
}
export interface RunningServer {
  /** e.g. http://127.0.0.1:3000/ */
  url: string;
  port: number;
  protocol: 'http' | 'https';
  close(): Promise<void>;
}
export function startServer(options?: ServerOptions): Promise<RunningServer>;
export function metaCsp(html: string): string | undefined;
export function resolveFile(root: string, requestPath: string): string | undefined;
export const CONTENT_TYPES: Readonly<Record<string, string>>;
export const DEFAULT_PORT: number;
/** Why dist/ under `root` (default: the repository) must be built before it is served; undefined when it is up to date. */
export function staleReason(root?: string): string | undefined;
/** The files and folders (relative to the repository) the build reads. */
export const BUILD_INPUTS: readonly string[];
