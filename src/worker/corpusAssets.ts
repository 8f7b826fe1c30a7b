/**
 * The large built-in corpora travel as gzip files made at build time (scripts/build-corpora.mjs)
 * and served by the app itself from `<app base>/generated/` — never from the internet.
 */

/** The built-in corpora that live in asset files rather than in the bundle. */
export type AssetCorpusId = 'moby' | 'sotu';

/** Fetches one asset; `fetch` in the worker, a stub in tests. */
export type FetchBytes = (url: URL) => Promise<Uint8Array>;

/** `fetch` → bytes, with the HTTP status in the error when the file is not there. */
export const fetchBytes: FetchBytes = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url.pathname}`);
  return new Uint8Array(await response.arrayBuffer());
};

/**
 * Decodes gzip bytes to text with the platform's `DecompressionStream` (browsers and Node ≥ 18).
 * Bytes without the gzip magic number are taken as text already: a server that sent the file
 * with `Content-Encoding: gzip` has had it decompressed by the browser on the way.
 */
export async function gunzipText(bytes: Uint8Array): Promise<string> {
  const isGzip = bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (!isGzip) return new TextDecoder().decode(bytes);
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
  const stream = blob.stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

/**
 * A loader of the asset corpora from `base` (the app's `generated/` folder URL), remembering
 * each text once it has arrived so that switching back does not download it again.
 */
export function createAssetLoader(fetchImpl: FetchBytes = fetchBytes) {
  let base: URL | null = null;
  const texts = new Map<AssetCorpusId, Promise<string>>();
  return {
    setBase(url: string): void {
      base = new URL(url.endsWith('/') ? url : `${url}/`);
      texts.clear();
    },
    /** The URL of another generated asset (e.g. the WebAssembly kernel). */
    url(file: string): URL {
      return assetUrl(file, base);
    },
    load(id: AssetCorpusId): Promise<string> {
      let text = texts.get(id);
      if (!text) {
        text = fetchAndDecode(id, base, fetchImpl);
        texts.set(id, text);
        // A failed download is not remembered: the next try fetches again.
        text.catch(() => texts.delete(id));
      }
      return text;
    },
  };
}

async function fetchAndDecode(id: AssetCorpusId, base: URL | null, fetchImpl: FetchBytes) {
  const url = assetUrl(`${id}.txt.gz`, base);
  try {
    return await gunzipText(await fetchImpl(url));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`could not load the built-in corpus "${id}" (${why})`);
  }
}

function assetUrl(file: string, base: URL | null): URL {
  // Before client.ts has said where the app lives, assume the site root.
  return new URL(file, base ?? new URL('/generated/', self.location.href));
}
