import { describe, expect, it } from "vitest";
import { emptyEnterpriseFile } from "./enterprise-file";
import { stampNeedAuthors } from "./need-authors";

const ID_A = "00000000-0000-4000-8000-00000000000a";
const ID_B = "00000000-0000-4000-8000-00000000000b";
const PROVIDER = "00000000-0000-4000-8000-000000000001";

describe("stampNeedAuthors", () => {
  it("keeps a saved item's author and makes a new item the writer's, whatever the writer claimed", () => {
    const saved = emptyEnterpriseFile().needs;
    saved.EQUIPMENT_DATA = [{ id: ID_A, text: "设备联网", author: "ENTERPRISE", providerId: null }];
    const incoming = emptyEnterpriseFile().needs;
    incoming.EQUIPMENT_DATA = [
      { id: ID_A, text: "设备联网（改）", author: "PROVIDER", providerId: PROVIDER },
      { id: ID_B, text: "数据采集网关", author: "ENTERPRISE", providerId: null },
    ];
    const stamped = stampNeedAuthors(saved, incoming, "PROVIDER", PROVIDER);
    expect(stamped.EQUIPMENT_DATA).toEqual([
      { id: ID_A, text: "设备联网（改）", author: "ENTERPRISE", providerId: null },
      { id: ID_B, text: "数据采集网关", author: "PROVIDER", providerId: PROVIDER },
    ]);
    expect(stampNeedAuthors(saved, incoming, "COUNTY", null).EQUIPMENT_DATA[1]).toMatchObject({ author: "COUNTY", providerId: null });
  });
});
