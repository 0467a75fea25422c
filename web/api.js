// Talking to the server. A token given in the page's address (?token=…) goes along with every call.

const token = new URLSearchParams(location.search).get('token');

export function apiUrl(path, params = {}) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '' && value !== null) search.set(key, String(value));
  return search.size ? `${path}?${search}` : path;
}

/** A URL a plain link can follow (downloads cannot send headers): the token rides in the query. */
export function linkUrl(path, params = {}) {
  return apiUrl(path, token ? { ...params, token } : params);
}

export async function api(path, params = {}, init = {}) {
  const headers = { ...(init.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const response = await fetch(apiUrl(path, params), { ...init, headers });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error ?? `${response.status} ${response.statusText}`);
  return body;
}
