/**
 * The command line's client of a running `tend serve`: the server at TEND_URL (default
 * http://127.0.0.1:4700), the key in TEND_API_KEY, and the user's login name sent as the
 * actor when the server runs without keys. A refusal is turned into an `ApiError` carrying
 * the server's problem document, which the commands print as one line.
 */
import { userInfo } from 'node:os';

export const DEFAULT_URL = 'http://127.0.0.1:4700';

/**
 * A request the server refused, or a server that could not be reached (status 0).
 *
 * @example
 * throw new ApiError('a model named "churn" already exists', 409);
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function actorName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'cli';
  }
}

/**
 * A client for the server named by the environment.
 *
 * @example
 * const api = apiClient(); const { models } = await api.get('/api/v1/models');
 */
export function apiClient(env: NodeJS.ProcessEnv = process.env) {
  const base = (env.TEND_URL ?? DEFAULT_URL).replace(/\/+$/, '');
  const headers: Record<string, string> = { 'x-tend-actor': actorName() };
  if (env.TEND_API_KEY) headers.authorization = `Bearer ${env.TEND_API_KEY}`;

  async function send(
    method: string,
    path: string,
    body?: unknown,
    raw?: Buffer | ReadableStream,
  ): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: {
          ...headers,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(raw !== undefined ? { 'content-type': 'application/octet-stream' } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : raw,
        ...(raw !== undefined && !(raw instanceof Buffer) ? { duplex: 'half' } : {}),
      } as RequestInit);
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const why = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new ApiError(
        `cannot reach the Tend server at ${base} (${why}); is \`tend serve\` running? (TEND_URL sets where)`,
        0,
      );
    }
    if (!response.ok) {
      let detail = `${response.status} ${response.statusText}`;
      try {
        const problem = (await response.json()) as { detail?: string };
        if (problem.detail) detail = problem.detail;
      } catch {
        // not a problem document: the status line says it
      }
      throw new ApiError(detail, response.status);
    }
    return response;
  }

  const parsed = async (r: Response) => (r.status === 204 ? undefined : r.json());
  return {
    base,
    get: async (path: string) => parsed(await send('GET', path)),
    post: async (path: string, body?: unknown) => parsed(await send('POST', path, body ?? {})),
    put: async (path: string, body: unknown) => parsed(await send('PUT', path, body)),
    patch: async (path: string, body: unknown) => parsed(await send('PATCH', path, body)),
    delete: async (path: string) => parsed(await send('DELETE', path)),
    upload: async (path: string, bytes: Buffer | ReadableStream) =>
      parsed(await send('PUT', path, undefined, bytes)),
    download: async (path: string) => send('GET', path),
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

/** `encodeURIComponent` for one path segment. */
export const seg = (s: string | number) => encodeURIComponent(String(s));
