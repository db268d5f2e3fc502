/**
 * The signed-in shell's entry. It asks the API once whether a session exists: without one it goes to the login
 * page — a separate small build (login.html) — so a visitor never downloads the federated app, and a signed-in
 * user never downloads the login page. The `auth.me` answer is handed on, so it is not fetched twice.
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
