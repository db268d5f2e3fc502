/**
 * The signed-in shell's entry. A signed-out visitor never gets here in production: the shell's server redirects
 * them to the login page (login.html, a separate small build) before this page and its shared libraries load. This
 * entry asks once more (the request index.html started) and goes to the login page without a session — for the dev
 * server, and a session that ended in between. The `auth.me` answer is handed on, so it is not fetched again.
 */
import { probeSession } from "./session-probe";
import "./shell.css";

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");

const session = await probeSession();
if (session.kind === "signedOut") {
  const from = window.location.pathname + window.location.search;
  window.location.replace(from === "/" ? "/login" : `/login?from=${encodeURIComponent(from)}`);
} else {
  const { mountSignedIn } = await import("./signed-in");
  mountSignedIn(container, session.kind === "signedIn" ? session.me : undefined);
}
