/** A full page load of the login page: it clears every cache and remote state of the session that ended. */
export function goToLogin() {
  const from = window.location.pathname + window.location.search;
  window.location.assign(from === "/" || from.startsWith("/login") ? "/login" : `/login?from=${encodeURIComponent(from)}`);
}
