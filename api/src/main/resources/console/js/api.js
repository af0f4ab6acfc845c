// The REST API as the console uses it: bearer token, JSON in and out, and errors as the API's
// problem+json (code, detail, request id) so the page can show exactly what was refused and why.

export class ApiError extends Error {
  constructor(status, problem, requestId) {
    super(`${problem.code || status}: ${problem.detail || problem.title || 'request failed'}`);
    this.status = status;
    this.problem = problem;
    this.code = problem.code || String(status);
    this.requestId = requestId || problem.requestId || null;
  }
}

export class Api {
  constructor(token) {
    this.token = token;
  }

  /** GET path (with query object); resolves to the parsed JSON body, rejects with ApiError. */
  async get(path, query) {
    return (await this.send('GET', path, {query})).body;
  }

  /**
   * A request; resolves to {status, body, headers}. Commands are sent with Prefer: wait (the answer
   * is the outcome) and an Idempotency-Key, so a retried click can never act twice.
   */
  async send(method, path, {query, body, headers = {}, command = false} = {}) {
    const url = new URL(path, location.origin);
    for (const [k, v] of Object.entries(query || {})) {
      if (v !== null && v !== undefined && v !== '') url.searchParams.set(k, v);
    }
    const all = {Accept: 'application/json, application/problem+json', ...headers};
    if (this.token) all.Authorization = `Bearer ${this.token}`;
    if (body !== undefined) all['Content-Type'] = 'application/json';
    if (command) {
      all.Prefer = 'wait=10';
      all['Idempotency-Key'] = `console-${crypto.randomUUID()}`;
    }
    const response = await fetch(url, {method, headers: all,
      body: body === undefined ? undefined : JSON.stringify(body)});
    const text = await response.text();
    const type = response.headers.get('Content-Type') || '';
    const parsed = text && type.includes('json') ? JSON.parse(text) : text;
    if (!response.ok) {
      const problem = typeof parsed === 'object' && parsed ? parsed : {detail: text || response.statusText};
      throw new ApiError(response.status, problem, response.headers.get('x-request-id'));
    }
    return {status: response.status, body: parsed, headers: response.headers};
  }
}

/**
 * The local launcher's development users ([{name, token}]), or [] where the API has none: the
 * endpoint exists only on the launcher (docs/api.md, "Operator console").
 */
export async function devTokens() {
  try {
    return (await new Api(null).get('/api/console/dev-tokens')).tokens;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return [];
    throw e;
  }
}
