/** This package's jsdom tests render without Ant Design, so they need only a clean document between tests. */
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

afterEach(() => cleanup());
