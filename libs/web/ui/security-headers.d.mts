export declare const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>>;
