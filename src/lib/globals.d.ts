/** The site's base path, defined by astro.config.mjs (`vite.define`). */
declare const __TRIANGULATE_BASE__: string | undefined;
