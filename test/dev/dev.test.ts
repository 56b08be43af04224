/**
 * `npm run dev`: editing a claim's note, or an article, shows on the open page without a restart.
 * Runs the real CLI in a child process on a copy of a small content root, on a free local port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
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

/** Saves `file` as many editors do: the new text goes to a file beside it, renamed over the old one. */
async function atomicSave(file: string, text: string): Promise<void> {
  // A name the dev server ignores (as it ignores its own temp files), so only the rename can trigger it.
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, text);
  await rename(temp, file);
}

/** Waits until the dev server's output satisfies `ok`. */
async function waitForLog(ok: (text: string) => boolean, seconds = 60): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (!ok(log)) {
    if (Date.now() > until) throw new Error(`the dev server never printed it; it said:\n${log.slice(-2000)}`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

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

  it('re-runs the pipeline after an atomic save, and after a second one to the same file', async () => {
    const article = path.join(root, 'articles', 'coastal-courier.txt');
    const text = await readFile(article, 'utf8');
    await atomicSave(article, text.replace('5.9 million euros', '6.3 million euros'));
    await waitFor('/sources/coastal-courier/', (h) => h.includes('6.3 million euros'));
    // fs.watch on the old inode loses the file after a rename; the watcher must still see it.
    await atomicSave(article, text.replace('5.9 million euros', '7.1 million euros'));
    const html = await waitFor('/sources/coastal-courier/', (h) => h.includes('7.1 million euros'));
    expect(html).not.toContain('6.3 million euros');
  }, 120_000);

  it('re-runs the pipeline for a new article', async () => {
    await atomicSave(
      path.join(root, 'articles', 'late-edition.txt'),
      'Late edition\n\nThe harbour bridge will reopen on 14 March after repairs costing 4.2 million euros, the council said.\n',
    );
    const html = await waitFor('/sources/late-edition/', (h) => h.includes('reopen on 14 March'));
    expect(html).toContain('Late edition');
  }, 120_000);

  it("shows an unknown verdict's message in the terminal and as a banner on that claim's page", async () => {
    const id = (await readdir(path.join(root, 'claims'))).sort()[0]?.replace(/\.md$/, '') ?? '';
    const file = path.join(root, 'claims', `${id}.md`);
    const text = await readFile(file, 'utf8');
    await atomicSave(file, text.replace(/^verdict: .*$/m, 'verdict: fabulous'));
    await waitForLog((t) => t.includes(`claims/${id}.md`) && t.includes('unknown-verdict'));
    const html = await waitFor(`/claims/${id}/`, (h) => h.includes('dev-problems'));
    expect(html).toMatch(/Unexpected verdict .*fabulous/);
    // Another claim's page does not carry this claim's problem.
    const other = (await readdir(path.join(root, 'claims'))).sort()[1]?.replace(/\.md$/, '') ?? '';
    expect(await waitFor(`/claims/${other}/`, (h) => h.includes('</html>'))).not.toContain('fabulous');
    // Fixing it takes the banner away.
    await atomicSave(file, text);
    await waitFor(`/claims/${id}/`, (h) => h.includes('</html>') && !h.includes('dev-problems'));
  }, 120_000);
});

/** Pids of every process below `pid`, from /proc (Linux). */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  const walk = (p: number) => (children.get(p) ?? []).forEach((c) => (found.push(c), walk(c)));
  walk(pid);
  return found;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return !/^\S+ \S+ Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/\(.*\)/s, 'x'));
  } catch {
    return false;
  }
};

describe.skipIf(process.platform !== 'linux')('stopping npm run dev', () => {
  for (const [how, signal, command] of [
    ['Ctrl-C on the dev command', 'SIGINT', [process.execPath, 'scripts/cli.ts', 'dev']],
    ['SIGTERM to npm', 'SIGTERM', ['npm', 'run', 'dev', '--']],
  ] as const) {
    it(`${how} (${signal}) ends every child process`, async () => {
      const fresh = await mkdtemp(path.join(tmpdir(), 'triangulate-dev-stop-'));
      await cp(FIXTURE, fresh, { recursive: true });
      const [bin, ...args] = command;
      const proc = spawn(bin, [...args, '--content', fresh, '--port', String(await freePort())], {
        cwd: PROJECT,
        env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|VITE_|NODE_ENV$|TEST$)/.test(k))), ASTRO_TELEMETRY_DISABLED: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let said = '';
      proc.stdout?.on('data', (chunk: Buffer) => (said += chunk.toString()));
      proc.stderr?.on('data', (chunk: Buffer) => (said += chunk.toString()));
      const exited = new Promise<void>((done) => proc.on('exit', () => done()));
      try {
        const until = Date.now() + 90_000;
        while (!/Local\s+http/.test(said.replace(/\u001b\[[0-9;]*m/g, ''))) {
          if (Date.now() > until) throw new Error(`dev never started:\n${said.slice(-2000)}`);
          await new Promise((done) => setTimeout(done, 200));
        }
        await new Promise((done) => setTimeout(done, 1000));
        const below = descendants(proc.pid ?? 0);
        const named = (pids: number[]) => pids.map((pid) => `${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').slice(0, 120)}`);
        proc.kill(signal);
        await Promise.race([exited, new Promise((done) => setTimeout(done, 15_000))]);
        const deadline = Date.now() + 5000;
        while (below.some(alive) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
        expect(named(below.filter(alive))).toEqual([]);
        expect(alive(proc.pid ?? 0)).toBe(false);
      } finally {
        for (const pid of [proc.pid ?? 0, ...descendants(proc.pid ?? 0)]) if (pid > 0 && alive(pid)) process.kill(pid, 'SIGKILL');
        await rm(fresh, { recursive: true, force: true });
      }
    }, 120_000);
  }
});
