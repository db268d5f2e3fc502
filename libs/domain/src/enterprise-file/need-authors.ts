import { DIRECTIONS, type FileWriter, type NeedsSection } from "./enterprise-file";

/**
 * Who wrote each need (二、数字化改造需求) is recorded by the platform, never taken from the writer: an item already
 * saved keeps its author; a new one is the saving writer's (and, for a provider, names that provider).
 */
export function stampNeedAuthors(saved: NeedsSection, incoming: NeedsSection, writer: FileWriter, providerId: string | null): NeedsSection {
  const known = new Map(DIRECTIONS.flatMap((direction) => saved[direction].map((item) => [item.id, item] as const)));
  const stamped = {} as NeedsSection;
  for (const direction of DIRECTIONS) {
    stamped[direction] = incoming[direction].map((item) => {
      const previous = known.get(item.id);
      return previous
        ? { ...item, author: previous.author, providerId: previous.providerId }
        : { ...item, author: writer, providerId: writer === "PROVIDER" ? providerId : null };
    });
  }
  return stamped;
}
