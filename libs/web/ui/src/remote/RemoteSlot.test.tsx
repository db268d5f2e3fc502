import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { i18n } from "../i18n/i18n";
import { RemoteSlot } from "./RemoteSlot";

function Greeting({ name }: { name: string }) {
  return <p>你好，{name}</p>;
}

describe("a remote slot", () => {
  it("shows the failure with 重试 instead of a blank page, and loads the remote again on retry", async () => {
    await i18n.changeLanguage("zh-CN");
    const load = vi
      .fn<(attempt: number) => Promise<typeof Greeting>>()
      .mockRejectedValueOnce(new TypeError("Failed to fetch dynamically imported module"))
      .mockResolvedValueOnce(Greeting);

    render(<RemoteSlot label="试点县（市、区）" load={load} props={{ name: "江阴市" }} />);

    expect(await screen.findByText("应用加载失败")).toBeTruthy();
    expect(screen.getByText(/“试点县（市、区）”暂时无法加载/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: /重\s?试/ }));

    expect(await screen.findByText("你好，江阴市")).toBeTruthy();
    expect(load.mock.calls.map(([attempt]) => attempt)).toEqual([0, 1]);
  });

  it("catches a remote that throws while rendering", async () => {
    const Broken = () => {
      throw new Error("boom");
    };
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    render(<RemoteSlot label="全省试点" load={async () => Broken} props={{}} />);
    expect(await screen.findByText("应用加载失败")).toBeTruthy();
  });
});
