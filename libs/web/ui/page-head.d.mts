export declare const PAGE_LANGUAGE: "zh-CN";
/** The Vite plugin that writes the pages' common head (typed loosely: Vite's own types come from each app). */
export declare function pageHead(): { name: string };
