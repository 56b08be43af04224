/** Points the claim spans of a rendered source at pages that exist (hidden or merged claims). */

/**
 * Rewrites each `<mark … data-claims="a b"><a href class="claim-link">` of a rendered source so it
 * links to the first of its claims that has a page (`resolve` returns the href, or null), and drops
 * the link when none has one, leaving the highlighted sentence and its anchor in place.
 */
export function resolveClaimLinks(html: string, resolve: (claimId: string) => string | null): string {
  return html.replace(
    /(<mark\b[^>]*\bdata-claims="([^"]*)"[^>]*>)<a href="[^"]*"( class="claim-link")?>([\s\S]*?)<\/a>/g,
    (_match, open: string, ids: string, _cls: string | undefined, inner: string) => {
      const target = ids.split(/\s+/).map(resolve).find((h) => h !== null);
      return target ? `${open}<a href="${target}" class="claim-link">${inner}</a>` : `${open}<span class="claim-link">${inner}</span>`;
    },
  );
}
