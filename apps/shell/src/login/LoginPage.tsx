// Ant Design by component path: the login page takes only what it renders, not the shared whole library.
import Alert from "antd/es/alert";
import Button from "antd/es/button";
import Card from "antd/es/card";
import ConfigProvider from "antd/es/config-provider";
import Flex from "antd/es/flex";
import Form from "antd/es/form";
import Input from "antd/es/input";
import enUS from "antd/es/locale/en_US";
import zhCN from "antd/es/locale/zh_CN";
import Segmented from "antd/es/segmented";
import Typography from "antd/es/typography";
import { commonEn, commonZhCN, LANGUAGE_STORAGE_KEY, type CommonMessages } from "@dtpilot/ui/locales";
import { useState } from "react";
import { requestLogin, type LoginResult } from "./login-request";

type Language = "zh-CN" | "en";
interface Credentials {
  username: string;
  password: string;
}

const MESSAGES: Record<Language, CommonMessages> = { "zh-CN": commonZhCN, en: commonEn };

function initialLanguage(): Language {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY) === "en" ? "en" : "zh-CN";
  } catch {
    return "zh-CN";
  }
}

/** Where to go after signing in: the page the visitor first asked for (same origin only), else the role's home. */
function returnPath(): string {
  const from = new URLSearchParams(window.location.search).get("from");
  return from && from.startsWith("/") && !from.startsWith("//") ? from : "/";
}

/** 登录: 用户名 + 密码 + 登录. On success a full page load brings the user into their role's app. */
export function LoginPage() {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<Extract<LoginResult, { ok: false }> | null>(null);
  const m = MESSAGES[language];

  const chooseLanguage = (value: Language) => {
    setLanguage(value);
    document.documentElement.lang = value;
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, value);
    } catch {
      // private mode: the choice lasts for this page only
    }
  };

  const submit = async ({ username, password }: Credentials) => {
    setPending(true);
    setFailure(null);
    try {
      const result = await requestLogin(username, password, language);
      if (result.ok) {
        window.location.assign(returnPath());
        return;
      }
      setFailure(result);
    } catch (error) {
      setFailure({ ok: false, message: String(error) });
    }
    setPending(false);
  };

  const fieldError = (field: keyof Credentials) =>
    failure?.field === field ? { validateStatus: "error" as const, help: failure.message } : {};

  return (
    <ConfigProvider locale={language === "en" ? enUS : zhCN} theme={{ token: { colorPrimary: "#1456b8" } }} button={{ autoInsertSpace: false }}>
      <Flex vertical align="center" justify="center" gap={24} style={{ minHeight: "100vh", padding: 16 }}>
        <Typography.Title level={3} style={{ margin: 0, textAlign: "center" }}>
          {m.appTitle}
        </Typography.Title>
        <Card
          title={m.login.title}
          style={{ width: "100%", maxWidth: 400 }}
          extra={
            <Segmented<Language>
              size="small"
              aria-label={m.topBar.language}
              value={language}
              options={[
                { label: m.languages["zh-CN"], value: "zh-CN" },
                { label: m.languages.en, value: "en" },
              ]}
              onChange={chooseLanguage}
            />
          }
        >
          <Form<Credentials> layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)} disabled={pending}>
            {failure && !failure.field ? <Alert type="error" showIcon title={failure.message} style={{ marginBottom: 16 }} /> : null}
            <Form.Item name="username" label={m.login.username} rules={[{ required: true, message: m.login.usernameRequired }]} {...fieldError("username")}>
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={m.login.password} rules={[{ required: true, message: m.login.passwordRequired }]} {...fieldError("password")}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={pending}>
              {m.login.submit}
            </Button>
          </Form>
        </Card>
      </Flex>
    </ConfigProvider>
  );
}
