/**
 * Open data: the cleaned text of each source, exactly the text every selector in claims.json
 * points into (TextPositionSelector `start`/`end` count its code points), so anyone can check.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSiteData } from '../../../lib/data.ts';
import { readSourceBody } from '../../../lib/source-html.ts';
import { cleanedText } from '../../../lib/source-text.ts';

export const getStaticPaths = (async () => {
  const data = await loadSiteData();
  return data.sources.map((source) => ({ params: { id: source.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(cleanedText(readSourceBody(String(params['id']))), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
