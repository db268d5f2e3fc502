/** Shared set-up of the web packages' jsdom tests (libs/web/ui, libs/web/plan-ui, the apps): `@dtpilot/ui/test-setup`. */
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// Ant Design asks for media queries (responsive grid); jsdom has none.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

// Ant Design's table and ProseMirror measure the layout; jsdom has none.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
document.elementFromPoint ??= () => null;
Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList;
Range.prototype.getBoundingClientRect ??= () => new DOMRect();

// findBy…/waitFor give up after 1 s by default; Ant Design's leave motions (a validation message going away) and
// its layout in jsdom take longer than that on a busy 2-core machine.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
});
