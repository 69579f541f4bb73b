/**
 * The site answers on two origins: Jira's (pages, REST, the control API) and the resources origin, which
 * serves only Custom UI, as Atlassian's CDN does. Both follow the host name a browser used, so a page opened
 * at 127.0.0.1 gets frames, avatars and frame ancestors at 127.0.0.1, not at localhost.
 */

/** The host name of a Host header (`localhost`, `127.0.0.1`, `[::1]`); `localhost` when there is none. */
export function hostnameOf(hostHeader: string | undefined): string {
  // Only a bare name or address with an optional port: nothing that could add a path or a directive.
  const match = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/.exec(hostHeader ?? '');
  return match ? (match[1] as string).toLowerCase() : 'localhost';
}

/** `http://<the request's host name>:<port>`: the other origin of the site, as this browser reaches it. */
export function originOn(hostHeader: string | undefined, port: number): string {
  return `http://${hostnameOf(hostHeader)}:${port}`;
}
