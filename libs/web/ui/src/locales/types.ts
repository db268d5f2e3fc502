import type { commonZhCN } from "./zh-CN";

/** A message tree with the same keys as `T` and any strings: what every other language must provide. */
export type MessagesLike<T> = { [K in keyof T]: T[K] extends string ? string : MessagesLike<T[K]> };

export type CommonMessages = MessagesLike<typeof commonZhCN>;
