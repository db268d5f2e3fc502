import { router } from "../../kernel/trpc";
import { changePassword } from "./change-password";
import { login } from "./login";
import { logout } from "./logout";
import { me } from "./me";

/** Sign-in and the signed-in user's own account; its key stays `auth` (the kernel's guards name `auth.*` paths). */
export const identityRouter = router({ login, logout, me, changePassword });
