/**
 * `npm run init DIR`: a new content root that builds at once: site.md, one pillar, an empty
 * articles/ folder and a README for its editors. Refuses a folder that already has content.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from './errors.ts';

const SITE = `---
title: "A new event, cross-checked"
description: "What the news reports of this event agree on, where they differ, and what rests on one outlet."
# publisher: "Your newsroom"          (needed for ClaimReview markup)
# corrections: corrections@example.org  (shown on the methodology page)
---
This site reads the news reports of one event side by side. Replace this text with what the
event is and what readers will find here.
`;

const PILLAR = `---
title: "The event"
order: 1
keywords: [event]
summary: "What happened, when and where."
---
What this part of the event covers. Add a file like this one for each part, with the words that
signal it in \`keywords\`.
`;

const README = `# Editing this microsite

Everything here is Markdown you can edit and keep in git.

- \`site.md\`: the site's title, description and introduction; set \`publisher\` and \`corrections\`
  before you publish.
- \`pillars/\`: one file per part of the event, with \`keywords\` that signal it.
- \`articles/\`: drop the news articles here (\`.txt\`, \`.md\` with frontmatter, or saved \`.html\` pages),
  or run \`npm run add -- <url>\`.
- \`claims/\` and \`sources/\` are written by \`npm run content\`. In a claim file, \`verdict\`, \`pillar\`,
  \`hidden\`, \`mergeInto\`, \`reviewer\`, \`confirmed\` and the note below the frontmatter are yours.

\`npm run review -- --content <this folder>\` lists what needs an editor, most urgent first.
`;

/** Creates the content root at `dir` (which may exist but must be empty); returns its path. */
export async function initContent(dir: string): Promise<string> {
  const existing = await readdir(dir).catch(() => null);
  if (existing !== null && existing.length > 0) throw new UserError(`${dir} is not empty. Give a new folder, or an empty one.`);
  await mkdir(path.join(dir, 'pillars'), { recursive: true });
  await mkdir(path.join(dir, 'articles'), { recursive: true });
  await writeFile(path.join(dir, 'site.md'), SITE, { flag: 'wx' });
  await writeFile(path.join(dir, 'pillars', 'event.md'), PILLAR, { flag: 'wx' });
  await writeFile(path.join(dir, 'README.md'), README, { flag: 'wx' });
  await writeFile(path.join(dir, 'articles', '.gitkeep'), '', { flag: 'wx' });
  return dir;
}
