import { config } from 'zod';

/**
 * zod compiles fast object parsers with `new Function` when it may, and probes for that on first use. The
 * pane's Content-Security-Policy forbids eval, so the probe would only fail and be reported as a violation:
 * tell zod up front to parse without compiling. Imported first by ./core, before any schema is built.
 */
config({ jitless: true });
