/**
 * The shell's calls to the site's own REST API, made from the browser with the session cookie, so every
 * change goes through the same endpoints, permissions and triggers as any other Jira client.
 */
export class RestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function restJson<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      'X-Atlassian-Token': 'no-check',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = text
    ? (safeJson(text) as T & { errorMessages?: string[]; errors?: Record<string, string> })
    : undefined;
  if (!response.ok) {
    const messages = [...(parsed?.errorMessages ?? []), ...Object.values(parsed?.errors ?? {})];
    throw new RestError(
      response.status,
      messages.join(' ') || `${method} ${path} failed with HTTP ${response.status}`,
    );
  }
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
