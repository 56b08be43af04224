/**
 * What a run can keep for the next one, so that changing one article re-runs only what depends on
 * it. Per article, keyed by a hash of its file's bytes: the article as read, cleaned, segmented, the
 * names it teaches the people registry, and its mentions (these also keyed by a fingerprint of the
 * whole registry, since a name learnt elsewhere changes who an article's "he" is). Per claim file
 * the generator wrote, keyed by a hash of its text: the parsed frontmatter, so the next run does not
 * parse megabytes of YAML it wrote itself.
 *
 * The cache lives in a per-user folder that only its owner can write (`$XDG_CACHE_HOME/triangulate`,
 * else `~/.cache/triangulate`, else `<tmpdir>/triangulate-cache-<uid>`; see cache-folder.ts), one
 * file per content root named by a hash of the root's absolute path: never in the content root,
 * never committed. It is only valid for the exact pipeline that wrote it: `version` hashes the
 * pipeline's sources, its schema, the lockfile and the Node version, so a code change never serves
 * a stale result. The file carries a SHA-256 of its payload, checked before anything in it is
 * trusted: a cache that is missing, from another version, torn, bit-flipped or edited is simply
 * empty, and the run recomputes. Only ingest reads it and only write writes it; everything here is pure.
 */
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Parsed } from '../frontmatter.ts';
import type { PeopleRegistry } from './people.ts';
import { packArticle, packMentions, unpackArticle, unpackMentions, type PackedArticle, type PackedMention } from './pack.ts';
import type { CleanArticle, FileText, Mention, RawArticle, SegmentedArticle } from './types.ts';

/** One article's results, valid while its bytes hash to `hash`. */
interface ArticleEntry {
  hash: string;
  raw: RawArticle;
  clean?: CleanArticle;
  segmented?: SegmentedArticle;
  /** Full names the article teaches the people registry, as [key, name]. */
  names?: Array<[string, string]> | undefined;
  mentions?: { people: string; list: Mention[] } | undefined;
  /** The stored form, while nothing in the entry changed. */
  blob?: Uint8Array | undefined;
}

/** A claim file as the generator wrote it, parsed, valid while its text hashes to `hash`. */
export interface ClaimEntry {
  hash: string;
  /** The frontmatter data as UTF-8 JSON (what YAML.parse of the file gives). */
  json: Uint8Array;
  /** Hash of the data's JSON and the note the file was rendered from. */
  source: string;
  content: string;
  bodyLine: number;
  comments: Parsed['comments'];
}

/** An article entry as stored: the article read without its blocks when it was segmented, the rest packed. */
interface StoredArticle {
  hash: string;
  raw: RawArticle;
  segmented?: PackedArticle;
  names?: Array<[string, string]> | undefined;
  mentions?: { people: string; list: PackedMention[] } | undefined;
}

/**
 * A source file as the last run rendered it: the key of its article's bytes and its annotations.
 * Its text is not kept: with the same key it renders the same, and it is on disk.
 */
interface SourceEntry {
  key: string;
}

/** An article entry as stored: its bytes' hash, and the rest serialised on its own so an unchanged entry is copied, not serialised again. */
interface StoredBlob {
  hash: string;
  blob: Uint8Array;
}

/**
 * A file the generator owns as the last run left it: a hash of its text. Never its inode, size or
 * time: a hand edit of the same length with its time put back (`cp -p`) would pass for untouched.
 */
interface FileRecord {
  hash: string;
}

interface CacheData<A> {
  version: string;
  articles: Record<string, A>;
  claims: Record<string, ClaimEntry>;
  sources: Record<string, SourceEntry>;
  files: Record<string, FileRecord>;
  /** What the last run that changed claims changed (new, changed, merged, orphaned ids), for `npm run review`. */
  changes?: ClaimChanges;
}

/** Claim ids a run added, changed, merged or orphaned. */
export interface ClaimChanges {
  new: string[];
  changed: string[];
  merged: string[];
  orphaned: string[];
}


/** The per-user cache folders to try, best first (the temp-folder fallback is cache-folder.ts's). */
export function cacheFolders(env: NodeJS.ProcessEnv, home: string): string[] {
  const xdg = env['XDG_CACHE_HOME'];
  return [...(xdg && path.isAbsolute(xdg) ? [path.join(xdg, 'triangulate')] : []), path.join(home, '.cache', 'triangulate')];
}

/** The name of a content root's cache file in the cache folder. */
export function cacheName(root: string): string {
  return `${hash(path.resolve(root)).slice(0, 20)}.bin`;
}

/** Where the cache of a content root is kept when the preferred cache folder is usable (tests and tools clear it here). */
export function cachePath(root: string): string {
  return path.join(cacheFolders(process.env, homedir())[0] ?? '', cacheName(root));
}

/** What a cache file starts with, then the SHA-256 of the payload, then the payload. */
const MAGIC = Buffer.from('triangulate-cache 2\n');
const SUM_BYTES = 32;

/** A payload framed with its checksum, as the cache file stores it. */
export function seal(payload: Uint8Array): Uint8Array {
  return Buffer.concat([MAGIC, createHash('sha256').update(payload).digest(), payload]);
}

/** The payload of a cache file whose checksum matches, or null (then nothing in it is trusted). */
export function unseal(bytes: Uint8Array): Uint8Array | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < MAGIC.length + SUM_BYTES || !buffer.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const sum = buffer.subarray(MAGIC.length, MAGIC.length + SUM_BYTES);
  const payload = buffer.subarray(MAGIC.length + SUM_BYTES);
  return createHash('sha256').update(payload).digest().equals(sum) ? payload : null;
}

/** A short content hash. */
export function hash(data: string | Uint8Array): string {
  return createHash('sha1').update(data).digest('hex');
}

/** The cache of one run: what the last run left (when of the same version) and what this run keeps. */
export class PipelineCache {
  private readonly old: CacheData<StoredBlob>;
  private readonly next: CacheData<ArticleEntry>;
  /** Claim files as read, when the cache knows them. */
  private readonly onDisk = new Map<string, string>();
  /** This run's entry of each article object a stage has produced. */
  private readonly entries = new WeakMap<object, ArticleEntry>();
  /** The last registry fingerprint seen and its hash. */
  private registry: { print: string; hash: string } | undefined;
  /** Counts of reused results, for tests and progress lines. */
  readonly reused = { articles: 0, mentions: 0, claims: 0, sources: 0 };

  /** `bytes` is the cache file as read (or null); `version` identifies the pipeline. */
  constructor(bytes: Uint8Array | null, version: string) {
    this.old = { version, articles: {}, claims: {}, sources: {}, files: {} };
    this.next = { version, articles: {}, claims: {}, sources: {}, files: {} };
    const payload = bytes && unseal(bytes);
    if (!payload) return;
    try {
      const data = deserialize(payload) as CacheData<StoredBlob>;
      if (data && data.version === version) this.old = data;
    } catch {
      // Unreadable (another Node, a torn write): start empty.
    }
  }

  /** The article read from `file` when its bytes hash to `key`, or undefined (then `read` it and `keep` it). */
  article(file: string, key: string): RawArticle | undefined {
    const kept = this.old.articles[file];
    if (!kept || kept.hash !== key) return undefined;
    let stored: StoredArticle;
    try {
      stored = deserialize(kept.blob) as StoredArticle;
    } catch {
      return undefined;
    }
    this.reused.articles++;
    const entry: ArticleEntry = { hash: key, raw: stored.raw, names: stored.names, blob: kept.blob };
    if (stored.segmented) {
      // The segmented article stands for the cleaned one too: it is the cleaned article plus its sentences.
      entry.segmented = unpackArticle(stored.segmented);
      entry.clean = entry.segmented;
      if (stored.mentions) entry.mentions = { people: stored.mentions.people, list: unpackMentions(entry.segmented, stored.mentions.list) };
    }
    this.keepEntry(file, entry);
    return entry.raw;
  }

  /** Records an article as read from its file. */
  keep(file: string, key: string, raw: RawArticle): void {
    this.keepEntry(file, { hash: key, raw });
  }

  /** Cleans an article, or returns the cleaned article of the same bytes. */
  clean(raw: RawArticle, clean: (a: RawArticle) => CleanArticle): CleanArticle {
    return this.step(raw, 'clean', () => clean(raw));
  }

  /** Segments an article, or returns the segmented article of the same bytes. */
  segment(article: CleanArticle, segment: (a: CleanArticle) => SegmentedArticle): SegmentedArticle {
    return this.step(article, 'segmented', () => segment(article));
  }

  /** One per-article stage: the kept result for the entry `input` belongs to, or `run`'s, kept. */
  private step<K extends 'clean' | 'segmented'>(input: object, key: K, run: () => NonNullable<ArticleEntry[K]>): NonNullable<ArticleEntry[K]> {
    const entry = this.entries.get(input);
    const out = (entry?.[key] ?? run()) as NonNullable<ArticleEntry[K]>;
    if (entry) {
      if (entry[key] !== out) entry.blob = undefined;
      entry[key] = out;
      this.entries.set(out, entry);
    }
    return out;
  }

  /** The full names an article teaches the registry, from the cache or from `names`. */
  names(article: SegmentedArticle, names: () => Array<[string, string]>): Array<[string, string]> {
    const entry = this.entries.get(article);
    const out = entry?.names ?? names();
    if (entry && entry.names !== out) {
      entry.blob = undefined;
      entry.names = out;
    }
    return out;
  }

  /** An article's mentions, reused when neither the article nor the people registry changed. */
  extract(article: SegmentedArticle, people: PeopleRegistry, extract: (a: SegmentedArticle, p: PeopleRegistry) => Mention[]): Mention[] {
    const entry = this.entries.get(article);
    const print = people.fingerprint();
    if (this.registry?.print !== print) this.registry = { print, hash: hash(print) };
    const fingerprint = this.registry.hash;
    if (entry?.mentions && entry.mentions.people === fingerprint) {
      this.reused.mentions++;
      return entry.mentions.list;
    }
    const list = extract(article, people);
    if (entry) {
      entry.blob = undefined;
      entry.mentions = { people: fingerprint, list };
    }
    return list;
  }

  /** The parsed claim file `file` when its text hashes to `key`. */
  claim(file: string, text: string): ClaimEntry | undefined {
    const entry = this.old.claims[file];
    if (!entry || entry.hash !== hash(text)) return undefined;
    this.reused.claims++;
    this.next.claims[file] = entry;
    this.onDisk.set(file, text);
    return entry;
  }

  /**
   * The text of a claim file as it is on disk, when the last run wrote it from the same data and
   * note (`source`, see ClaimEntry) and nobody changed it since: rendering it again would give it.
   */
  writtenClaim(file: string, source: string): string | undefined {
    const entry = this.next.claims[file];
    return entry?.source === source ? this.onDisk.get(file) : undefined;
  }

  /** Records a claim file as written, with its parsed form. */
  keepClaim(file: string, entry: ClaimEntry): void {
    this.next.claims[file] = entry;
  }

  /**
   * A source file for this article (by bytes) and `annotations` (what the claims of its sentences
   * are). When the last run rendered the same, the text is deferred: write renders it only if the
   * file on disk changed since (see `untouched`).
   */
  source(file: string, article: SegmentedArticle, annotations: string, render: () => string): FileText {
    const entry = this.entries.get(article);
    if (!entry) return render();
    const key = hash(`${entry.hash}\u0000${annotations}`);
    this.next.sources[file] = { key };
    if (this.old.sources[file]?.key === key && this.old.files[file]) {
      this.reused.sources++;
      return { render };
    }
    return render();
  }

  /** True when the file at `rel`, whose text on disk hashes to `diskHash`, is as the last run left it: its record carries over. */
  untouched(rel: string, diskHash: string): boolean {
    const kept = this.old.files[rel];
    if (!kept || kept.hash !== diskHash) return false;
    this.next.files[rel] = kept;
    return true;
  }

  /** Whether this run has a record of the file at `rel`. */
  knowsFile(rel: string): boolean {
    return rel in this.next.files;
  }

  /** Records a file as this run leaves it. */
  wrote(rel: string, content: string): void {
    this.next.files[rel] = { hash: hash(content) };
  }

  /**
   * Keeps what this run changed, or, when it changed nothing, what the last run that did changed:
   * so `npm run review` after `npm run content` still says what that run did. Returns what is kept.
   */
  recordChanges(changes: ClaimChanges): ClaimChanges {
    const none = changes.new.length + changes.changed.length + changes.merged.length + changes.orphaned.length === 0;
    this.next.changes = none && this.old.changes ? this.old.changes : changes;
    return this.next.changes;
  }

  /** Forgets claim files that were not written or read in this run. */
  onlyClaims(files: ReadonlySet<string>): void {
    for (const file of Object.keys(this.next.claims)) if (!files.has(file)) delete this.next.claims[file];
  }

  /** The cache file's bytes for the next run, sealed with their checksum. */
  serialize(): Uint8Array {
    const articles: Record<string, StoredBlob> = {};
    for (const [file, e] of Object.entries(this.next.articles)) {
      const { segmented } = e;
      if (e.blob) {
        articles[file] = { hash: e.hash, blob: e.blob };
        continue;
      }
      const stored: StoredArticle = segmented
        ? {
            hash: e.hash,
            raw: { ...e.raw, blocks: [] },
            segmented: packArticle(segmented),
            names: e.names,
            mentions: e.mentions && { people: e.mentions.people, list: packMentions(segmented, e.mentions.list) },
          }
        : { hash: e.hash, raw: e.raw };
      articles[file] = { hash: e.hash, blob: serialize(stored) };
    }
    return seal(serialize({ ...this.next, articles }));
  }

  private keepEntry(file: string, entry: ArticleEntry): void {
    this.next.articles[file] = entry;
    this.entries.set(entry.raw, entry);
  }
}
