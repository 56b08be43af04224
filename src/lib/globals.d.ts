/** The site's base path, defined by astro.config.mjs (`vite.define`). */
declare const __TRIANGULATE_BASE__: string | undefined;
/** The content root's absolute path, defined by astro.config.mjs (`vite.define`). */
declare const __TRIANGULATE_CONTENT__: string | undefined;
