/** Open data: every published claim with its evidence, built from the collections at build time. */
import type { APIRoute } from 'astro';
import { loadSiteData } from '../../lib/data.ts';
import { buildOpenData } from '../../lib/open-data.ts';
import { absolute, href } from '../../lib/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const data = await loadSiteData();
  const body = buildOpenData(data, absolute(href(''), site));
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
