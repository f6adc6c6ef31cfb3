import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export type Encoding = 'br' | 'gzip';

/** A response ready to send: its bytes, its strong validator and, lazily, compressed copies. */
export interface CachedResponse {
  status: 200 | 404;
  body: Buffer;
  /** Content hash (no quotes); the ETag is `"<hash>"`, `"<hash>-br"` or `"<hash>-gz"`. */
  hash: string;
  contentType: string;
  headers?: Record<string, string>;
  variants: Partial<Record<Encoding, Promise<Buffer>>>;
  /** Compressed copies that are ready (the fast path sends only what is ready). */
  compressed?: Partial<Record<Encoding, Buffer>>;
  /** Header lists for the fast path, per coding, built once. */
  rawHeaders?: Partial<Record<Encoding | 'identity' | `${Encoding | 'identity'}-304`, string[]>>;
}

/** A response already served for one exact request URL, with its Cache-Control. */
export interface RememberedUrl {
  response: CachedResponse;
  cacheControl: string;
}

export interface SnapshotCacheOptions {
  /** How often the snapshot version is read (milliseconds): the staleness bound of every answer. */
  checkEveryMs: number;
  maxEntries: number;
  maxBytes: number;
}

/** Below this size compression costs more than it saves. */
export const MIN_COMPRESSED_BYTES = 1024;

/**
 * Responses built from one snapshot version, kept until the worker publishes the next one.
 * A timer reads the version every `checkEveryMs` (one tiny query per replica) and a new
 * version drops every entry, so a refreshed snapshot shows within about that interval.
 * Requests never wait for that read, except the first ones and misses: a miss queries the
 * database anyway, so it reads the version first and data newer than the cached version
 * retires the older answers at once. Builds are single-flight per key, and a build that
 * started under an older version never lands in the newer cache.
 */
export class SnapshotCache {
  private version: number | null = null;
  private checking: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private entries = new Map<string, CachedResponse>();
  private building = new Map<string, Promise<CachedResponse>>();
  private urls = new Map<string, RememberedUrl>();
  private bytes = 0;

  constructor(
    private readonly readVersion: () => Promise<number>,
    private readonly options: SnapshotCacheOptions,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Starts watching the version (call `stop` when the server closes). */
  start(): void {
    this.timer ??= setInterval(() => void this.refresh(), this.options.checkEveryMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The response for `key` under the current snapshot, built by `build` on a miss. */
  get(key: string, build: () => Promise<CachedResponse>): CachedResponse | Promise<CachedResponse> {
    const hit = this.version === null ? undefined : this.entries.get(key);
    return hit ?? this.refresh().then(() => this.entries.get(key) ?? this.miss(key, build));
  }

  /** The response already served for exactly this URL under the current snapshot, if any. */
  peekUrl(url: string): RememberedUrl | undefined {
    return this.urls.get(url);
  }

  /**
   * Remembers that this URL (which passed validation) is answered by this cached response, so
   * that the next identical request can skip routing work. Only a response of the current
   * snapshot is remembered; URLs are bounded like entries.
   */
  rememberUrl(url: string, key: string, response: CachedResponse, cacheControl: string): void {
    if (url.length > 512 || this.entries.get(key) !== response || this.urls.has(url)) return;
    if (this.urls.size >= this.options.maxEntries) this.urls.delete(this.urls.keys().next().value!);
    this.urls.set(url, { response, cacheControl });
  }

  get currentVersion(): number | null {
    return this.version;
  }

  /** Reads the version now (single-flight: concurrent callers share one query). */
  refresh(): Promise<void> {
    this.checking ??= this.check().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async check(): Promise<void> {
    try {
      const version = await this.readVersion();
      if (version !== this.version) {
        this.version = version;
        this.entries = new Map();
        this.building = new Map();
        this.urls = new Map();
        this.bytes = 0;
      }
    } catch (error) {
      // Keep serving what we have; the next read tries again.
      this.onError(error);
    }
  }

  private miss(key: string, build: () => Promise<CachedResponse>): Promise<CachedResponse> {
    const pending = this.building.get(key);
    if (pending) return pending;
    const entries = this.entries;
    const building = this.building;
    const promise = build().then(
      (response) => {
        building.delete(key);
        if (entries === this.entries) this.store(key, response);
        return response;
      },
      (error: unknown) => {
        building.delete(key);
        throw error;
      },
    );
    building.set(key, promise);
    return promise;
  }

  private store(key: string, response: CachedResponse): void {
    const size = response.body.length;
    if (size > this.options.maxBytes) return;
    this.entries.set(key, response);
    this.bytes += size;
    // Oldest first: Map iteration follows insertion order.
    for (const [oldKey, old] of this.entries) {
      if (this.entries.size <= this.options.maxEntries && this.bytes <= this.options.maxBytes)
        break;
      this.entries.delete(oldKey);
      this.bytes -= old.body.length;
      // Its remembered URLs go when the next version comes; they hold no extra bytes.
    }
  }
}

/** The compressed copy of a cached body, made once (off the event loop) and kept with it. */
export function compressedBody(response: CachedResponse, encoding: Encoding): Promise<Buffer> {
  let variant = response.variants[encoding];
  if (!variant) {
    variant =
      encoding === 'br'
        ? brotli(response.body, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: 6,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: response.body.length,
            },
          })
        : gzip(response.body, { level: 6 });
    response.variants[encoding] = variant;
    void variant.then(
      (buffer) => {
        response.compressed = { ...response.compressed, [encoding]: buffer };
      },
      () => undefined,
    );
  }
  return variant;
}
