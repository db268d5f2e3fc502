import { act, render, screen } from "@testing-library/react";
import { Component, type ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { lazyPage, PageSuspense } from "./lazy-page";

class Boundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <p>failed</p> : this.props.children;
  }
}

describe("lazyPage", () => {
  it("renders the page once its chunk arrived, with its props", async () => {
    const Page = lazyPage(async () => ({ name }: { name: string }) => <p>page of {name}</p>);
    render(
      <PageSuspense>
        <Page name="江阴市" />
      </PageSuspense>,
    );
    expect(await screen.findByText("page of 江阴市")).toBeTruthy();
  });

  it("loads the chunk again on the next render after a failed load", async () => {
    // React reports the failure the boundary catches; expected here.
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    let serverDown = true;
    const Page = lazyPage(async () => {
      if (serverDown) throw new Error("chunk failed");
      return () => <p>loaded</p>;
    });
    const view = (key: number) => (
      <Boundary key={key}>
        <PageSuspense>
          <Page />
        </PageSuspense>
      </Boundary>
    );
    const { rerender } = render(view(1));
    expect(await screen.findByText("failed")).toBeTruthy();
    serverDown = false;
    await act(async () => rerender(view(2)));
    expect(await screen.findByText("loaded")).toBeTruthy();
    vi.restoreAllMocks();
  });
});
