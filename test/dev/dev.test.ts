/**
 * `npm run dev`: editing a claim's note, or an article, shows on the open page without a restart.
 * Runs the real CLI in a child process on a copy of a small content root, on a free local port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PROJECT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/mixed', import.meta.url));
let root = '';
let port = 0;
let child: ChildProcess | undefined;
let log = '';
let lastError = '';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/** Astro's dev server listens on "localhost", which is ::1 or 127.0.0.1 depending on the machine. */
const page = async (url: string): Promise<string> => {
  // Astro may settle on another port than asked for; it prints the one it serves on.
  const served = [...log.replace(/\u001b\[[0-9;]*m/g, '').matchAll(/Local\s+http:\/\/[^:]+:(\d+)/g)].at(-1)?.[1];
  if (served) port = Number(served);
  for (const host of ['127.0.0.1', '[::1]']) {
    const response = await fetch(`http://${host}:${port}${url}`).catch((error: unknown) => {
      lastError = String((error as { cause?: unknown }).cause ?? error);
      return null;
    });
    if (response?.ok) return response.text();
  }
  return '';
};

/** Polls until the page satisfies `ok`, or fails with what the server printed. */
async function waitFor(url: string, ok: (html: string) => boolean, seconds = 90): Promise<string> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const html = await page(url);
    if (ok(html)) return html;
    if (Date.now() > until) throw new Error(`${url} never showed the change (${lastError}); dev server said:\n${log.slice(-2000)}`);
    await new Promise((done) => setTimeout(done, 500));
  }
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'triangulate-dev-'));
  await cp(FIXTURE, root, { recursive: true });
  port = await freePort();
  child = spawn(process.execPath, ['scripts/cli.ts', 'dev', '--content', root, '--port', String(port)], {
    cwd: PROJECT,
    // Astro serves nothing when it believes it runs under vitest: give the child a plain environment.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|VITE_|NODE_ENV$|TEST$)/.test(k))), ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.on('exit', (code) => (log += `\n[dev server exited with ${code}]`));
  await waitFor('/', (html) => html.includes('Harbour bridge closure'), 120);
}, 150_000);

afterAll(async () => {
  child?.kill('SIGTERM');
  await rm(root, { recursive: true, force: true });
});

describe('npm run dev', () => {
  it("shows a maintainer's new note on the claim page", async () => {
    const id = (await readdir(path.join(root, 'claims'))).sort()[0]?.replace(/\.md$/, '') ?? '';
    const file = path.join(root, 'claims', `${id}.md`);
    await waitFor(`/claims/${id}/`, (html) => html.includes('</html>'));
    await writeFile(file, `${await readFile(file, 'utf8')}\nChecked against the council's own statement (dev test).\n`);
    const html = await waitFor(`/claims/${id}/`, (h) => h.includes('dev test'));
    expect(html).toContain("Checked against the council");
  }, 120_000);

  it('re-runs the pipeline when an article changes, and the source page follows', async () => {
    const article = path.join(root, 'articles', 'coastal-courier.txt');
    const text = await readFile(article, 'utf8');
    await writeFile(article, text.replace('4.2 million euros', '5.9 million euros'));
    const html = await waitFor('/sources/coastal-courier/', (h) => h.includes('5.9 million euros'));
    expect(html).not.toContain('4.2 million euros');
  }, 120_000);
});
