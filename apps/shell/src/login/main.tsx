import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "../shell.css";
import { LoginPage } from "./LoginPage";
import { prefetchSignedInShell } from "./prefetch";

const container = document.getElementById("root");
if (!container) throw new Error("login.html has no #root element");

createRoot(container).render(
  <StrictMode>
    <LoginPage />
  </StrictMode>,
);

prefetchSignedInShell();
