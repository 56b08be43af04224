/**
 * Triangulate's command line: `content`, `check`, `build`, `dev`, `add` and `eval`, as the npm
 * scripts call them. Every error a user can cause ends in a message that says what to do.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES, UserError, formatProblem, sortProblems } from './errors.ts';
import { run, type RunResult } from './pipeline/index.ts';
import { publicationProblems, type ClaimTally } from './pipeline/review.ts';

const USAGE = `Usage: npm run <command> [-- options]

Commands
  content   run the pipeline: articles/ → claims/ and sources/
  check     validate site.md, pillars/ and claims/ without writing
  build     pipeline, then the static site and its search index
  review    pipeline, then the editors' work queue, most urgent first (--json for tools)
  init      scaffold a new content root: npm run init -- DIR
  dev       pipeline, then Astro's dev server; edits re-run the pipeline
  add       save an article: npm run add -- <url or file>
  eval      measure extraction, sentence splitting or claim matching: npm run eval -- <extraction|sentences|claims> --dir DIR
            (claims also takes --event NAME, --mode text|pages, --json FILE, --explain)

Options
  --content DIR   content root (default: content)
  --out DIR       site output (default: dist)
  --site URL      origin for canonical URLs and the feed (default: http://localhost:4321)
  --base PATH     path the site is served under, e.g. /repo/ (default: /)`;

/** Runs the pipeline with a progress line per stage; prints problems and a summary. */
export async function content(root: string, options: { dryRun?: boolean; quiet?: boolean } = {}): Promise<RunResult> {
  const log = options.quiet ? () => undefined : (line: string) => console.log(line);
  const result = await run(root, {
    dryRun: options.dryRun ?? false,
    progress: (stage, detail, ms) => log(`  ${stage.padEnd(9)} ${detail} (${Math.round(ms)} ms)`),
  });
  const publication = result.ok ? publicationProblems(result.site, result.claims, { check: options.dryRun === true }) : [];
  for (const p of sortProblems([...result.problems, ...publication])) console.error(formatProblem(p));
  if (!result.ok && result.problems.some((p) => p.rule === RULES.writeFailed)) {
    console.error('Could not write the generated files. Fix the problem above and run again.');
    return result;
  }
  if (!result.ok) {
    const errors = result.problems.filter((p) => p.fatal && !p.file.startsWith('articles/')).length;
    console.error(`${errors} error${errors === 1 ? '' : 's'} in curated files; nothing was written. Fix them and run again.`);
    return result;
  }
  const { corroborated, disputed } = result.counts;
  log(
    `${result.sources} sources, ${result.sentences} sentences, ${result.mentions} statements and quotes → ` +
      `${result.claims.length} claims: ${corroborated} corroborated, ${result.counts['single-source']} single-source, ${disputed} disputed`,
  );
  if (result.tally) log(tallyLine(result.tally));
  return result;
}

/** The run's claims in plain words: "Claims: 70 kept, 2 new, 1 changed since review, 0 orphaned". */
export function tallyLine(tally: ClaimTally): string {
  const changed = tally.changedSinceReview.length;
  return `Claims: ${tally.kept} kept, ${tally.fresh.length} new, ${changed} changed since review${changed > 0 ? ' (see the warnings above; npm run review lists them)' : ''}, ${tally.orphaned.length} orphaned`;
}

async function main(argv: string[]): Promise<number | null> {
  const [command, ...given] = argv;
  // `review --json` takes no value (eval's --json names a file).
  const asJson = command === 'review' && given.includes('--json');
  const rest = asJson ? given.filter((a) => a !== '--json') : given;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: 'dist' },
      site: { type: 'string' },
      base: { type: 'string' },
      dir: { type: 'string' },
      port: { type: 'string' },
      event: { type: 'string' },
      mode: { type: 'string' },
      json: { type: 'string' },
      explain: { type: 'boolean', default: false },
    },
  });
  const root = path.resolve(values.content);
  switch (command) {
    case 'content':
    case 'check': {
      console.log(command === 'check' ? `Checking ${path.relative(process.cwd(), root) || '.'}` : `Generating ${path.relative(process.cwd(), root) || '.'}`);
      const result = await content(root, { dryRun: command === 'check' });
      return result.ok ? 0 : 1;
    }
    case 'review': {
      const { reviewReport, formatReport } = await import('./review.ts');
      const result = await content(root, { quiet: asJson });
      if (!result.ok) return 1;
      const report = reviewReport(result, { siteUrl: values.site ?? process.env['SITE_URL'] });
      if (asJson) console.log(JSON.stringify(report, null, 2));
      else console.log(['', ...formatReport(report)].join('\n'));
      return 0;
    }
    case 'init': {
      const target = positionals[0];
      if (!target) throw new UserError('Name the folder to create: npm run init -- my-event');
      const { initContent } = await import('./init.ts');
      const made = await initContent(path.resolve(target));
      console.log(`Created ${path.relative(process.cwd(), made) || '.'}: site.md, pillars/, articles/ and README.md. Add articles, then run npm run build -- --content ${target}`);
      return 0;
    }
    case 'build': {
      console.log(`Building ${path.relative(process.cwd(), root) || '.'} → ${values.out}`);
      const result = await content(root);
      if (!result.ok) return 1;
      const { buildSite } = await import('./site.ts');
      const started = performance.now();
      const site = await buildSite({ contentDir: root, outDir: path.resolve(values.out), ...(values.site ? { site: values.site } : {}), ...(values.base ? { base: values.base } : {}) });
      console.log(`  site      ${site.pages} pages in ${values.out}/ (${Math.round(performance.now() - started)} ms)`);
      return 0;
    }
    case 'dev': {
      const { dev } = await import('./dev.ts');
      await dev(root, values.port ? Number(values.port) : 4321);
      return null; // the server keeps the process alive until it is stopped
    }
    case 'add': {
      const input = positionals[0];
      if (!input) throw new UserError('Nothing to add. Give a URL or a file: npm run add -- https://example.com/article or npm run add -- saved.html');
      const { addArticle } = await import('./add.ts');
      const added = await addArticle(input, root);
      console.log(`Saved "${added.title}" as ${path.relative(process.cwd(), added.file)}. Run npm run content to match it.`);
      return 0;
    }
    case 'eval': {
      const what = positionals[0];
      if (what === 'claims') {
        if (values.mode !== undefined && values.mode !== 'text' && values.mode !== 'pages') throw new UserError(`Unknown mode "${values.mode}". Use --mode text or --mode pages.`);
        const dir = values.dir ?? '../shared/eval/events';
        await (await import('./eval/claims.ts')).evalClaims({
          dir: path.resolve(dir),
          explicit: values.dir !== undefined,
          event: values.event,
          mode: values.mode,
          json: values.json === undefined ? undefined : path.resolve(values.json),
          explain: values.explain,
        });
        return 0;
      }
      const dir = path.resolve(values.dir ?? (what === 'extraction' ? '../shared/eval/extraction' : '../shared/eval/sentences'));
      const explicit = values.dir !== undefined;
      if (what === 'extraction') await (await import('./eval/extraction.ts')).evalExtraction(dir, { explicit });
      else if (what === 'sentences') await (await import('./eval/sentences.ts')).evalSentences(dir, console.log, { explicit });
      else throw new UserError(`Unknown eval "${what ?? ''}". Use: npm run eval -- extraction --dir DIR, npm run eval -- sentences --dir DIR, or npm run eval -- claims --dir DIR`);
      return 0;
    }
    default:
      console.error(command ? `Unknown command "${command}".\n\n${USAGE}` : USAGE);
      return command ? 2 : 0;
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code !== null) process.exit(code);
    },
    (error: unknown) => {
      if (error instanceof UserError) {
        console.error(`triangulate: ${error.message}`);
        process.exit(1);
      }
      // The system refused something outside the pipeline's writes (a folder it could not read…): say what, without a stack trace.
      const io = error as NodeJS.ErrnoException;
      if (typeof io?.code === 'string' && typeof io.syscall === 'string') {
        console.error(`triangulate: ${io.message}. Check that the path exists and that you may read and write it, then run again.`);
        process.exit(1);
      }
      throw error;
    },
  );
}
