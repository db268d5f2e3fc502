/** Where a generated document is downloaded: same origin, with the session cookie (the API's `/files/exports/:id`). */
export function documentDownloadUrl(exportId: string): string {
  return `/files/exports/${encodeURIComponent(exportId)}`;
}
