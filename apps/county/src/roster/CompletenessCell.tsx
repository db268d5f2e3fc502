import { FILE_SECTION_KEYS } from "@dtpilot/domain";
import { CheckCircleFilled } from "@ant-design/icons";
import { Flex, Progress, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import type { PilotEnterpriseView } from "./roster-types";

/** 档案完整度: how much of the enterprise's file 一企一档 is filled, with each section's count in a tooltip. */
export function CompletenessCell({ entry }: { entry: PilotEnterpriseView }) {
  const { t } = useTranslation("county");
  const { percentage, complete, sections } = entry.completeness;
  const details = (
    <Flex vertical gap={2} data-testid={`roster-completeness-sections-${entry.enterprise.creditCode}`}>
      {FILE_SECTION_KEYS.map((key) => (
        <span key={key}>
          {t(`roster.sections.${key}`)}：{t("roster.sectionFilled", { filled: sections[key].filled, required: sections[key].required })}
          {sections[key].complete ? <CheckCircleFilled style={{ color: "#52c41a", marginInlineStart: 4 }} /> : null}
        </span>
      ))}
    </Flex>
  );
  return (
    <Tooltip title={details}>
      <div
        style={{ width: 120 }}
        data-testid={`roster-completeness-${entry.enterprise.creditCode}`}
        data-percentage={percentage}
        data-complete={complete}
      >
        <Progress
          size="small"
          percent={percentage}
          status={complete ? "success" : "normal"}
          format={(value) => `${value ?? 0}%`}
          aria-label={t("roster.table.completeness")}
        />
      </div>
    </Tooltip>
  );
}
