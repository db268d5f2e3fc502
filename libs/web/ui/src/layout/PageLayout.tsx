import { Flex, Typography } from "antd";
import type { ReactNode } from "react";

/** The common frame of a screen: a title, optional actions on the right, then the content blocks stacked. */
export function PageLayout({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <Flex vertical gap={16} style={{ width: "100%" }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {children}
    </Flex>
  );
}
