// Opens the built app in Debian's Chromium through playwright-core, and watches the network: the
// app must work offline, so every request that leaves the preview server's origin is recorded
// and aborted. A test asserts `externalRequests()` is empty; a blocked request also shows up as a
// console error, so a test that checks `consoleErrors` catches it twice.
import {
  chromium,
  type Browser,
  type BrowserContext,
  type LaunchOptions,
  type Page,
  type Response,
} from 'playwright-core';
import { inject } from 'vitest';

/**
 * Flags that work as root on this closed network. Playwright adds its own headless defaults.
 * --no-sandbox: Chromium refuses to start as root without it.
 * --disable-background-networking / -component-update / -sync / --no-first-run: stop Chromium
 *   phoning home at start (those connections are refused here, and are noise everywhere).
 * --disable-quic: no UDP attempts.
 * Not --disable-software-rasterizer or --disable-gpu: WebGL (MapLibre) renders through SwiftShader.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches headless Chromium; the caller closes it. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    ...options,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
}

export interface OpenedApp {
  page: Page;
  context: BrowserContext;
  /** The main document's response from `page.goto` (null only for same-document navigations). */
  response: Response | null;
  /** Origin of the preview server the app was loaded from. */
  origin: string;
  /** Every request the page made, in order, including blocked ones. */
  requests: RecordedRequest[];
  /** Requests to anything but `origin` (they were aborted before reaching the network). */
  externalRequests(): RecordedRequest[];
  /** `console.error` messages and uncaught page errors, with their source location. */
  consoleErrors: string[];
  /** Closes the page, its context and the browser. */
  close(): Promise<void>;
}

export interface OpenAppOptions {
  /** Defaults to the preview server started by global-setup.ts. */
  baseUrl?: string;
  /** Passed to `page.goto`; default 'load'. */
  waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | 'commit';
  viewport?: { width: number; height: number };
  /** Reuse a browser instead of launching one; it is then left open by `close()`. */
  browser?: Browser;
}

const CSP_BINDING = '__e2eReportCspViolation';

/** data: and blob: URLs never leave the page, so they count as local. */
function isLocal(url: string, origin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/**
 * Opens `path` (e.g. `/` or `/?lang=sq`) of the built app in a fresh browser context.
 *
 * @example
 *   const app = await openApp('/');
 *   try { expect(app.externalRequests()).toEqual([]); } finally { await app.close(); }
 */
export async function openApp(path = '/', options: OpenAppOptions = {}): Promise<OpenedApp> {
  const baseUrl = options.baseUrl ?? inject('baseUrl');
  const origin = new URL(baseUrl).origin;
  const ownsBrowser = options.browser === undefined;
  const browser = options.browser ?? (await launchChromium());

  try {
    // A new context (not browser.newPage) so axe and other per-context tools can attach to it.
    const context = await browser.newContext({
      baseURL: baseUrl,
      viewport: options.viewport ?? { width: 1280, height: 800 },
      serviceWorkers: 'block', // their fetches would bypass the routes below
    });
    const requests: RecordedRequest[] = [];
    const consoleErrors: string[] = [];

    context.on('request', (request) => {
      requests.push({
        url: request.url(),
        method: request.method(),
        resourceType: request.resourceType(),
      });
    });
    await context.route(
      (url) => !isLocal(url.href, origin),
      (route) => route.abort('blockedbyclient'),
    );
    await context.routeWebSocket(
      (url) => !isLocal(url.href.replace(/^ws/, 'http'), origin),
      (ws) => {
        requests.push({ url: ws.url(), method: 'GET', resourceType: 'websocket' });
        return ws.close({ code: 1008, reason: 'e2e: network access is blocked' });
      },
    );

    // Chromium's console line for a CSP violation can be just "Note that 'script-src' was not
    // explicitly set…"; the DOM event says what was blocked and where, so record that as well.
    await context.exposeBinding(CSP_BINDING, (_source, violation: string) => {
      consoleErrors.push(`CSP violation: ${violation}`);
    });
    await context.addInitScript((binding: string) => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as Record<string, (violation: string) => void>)[binding];
        report?.(
          `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} ` +
            `at ${event.sourceFile}:${event.lineNumber}`,
        );
      });
    }, CSP_BINDING);

    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const { url, lineNumber } = message.location();
      consoleErrors.push(url ? `${message.text()} (${url}:${lineNumber})` : message.text());
    });
    page.on('pageerror', (error) => {
      consoleErrors.push(`uncaught: ${error.stack ?? error.message}`);
    });

    const response = await page.goto(path, { waitUntil: options.waitUntil ?? 'load' });

    return {
      page,
      context,
      response,
      origin,
      requests,
      externalRequests: () => requests.filter((request) => !isLocal(request.url, origin)),
      consoleErrors,
      close: async () => {
        await context.close();
        if (ownsBrowser) await browser.close();
      },
    };
  } catch (error) {
    if (ownsBrowser) await browser.close();
    throw error;
  }
}
