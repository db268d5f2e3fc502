import { router } from "../../kernel/trpc";
import { getEnterpriseFile } from "./get-enterprise-file";
import { requestEnterpriseFileDocument } from "./request-enterprise-file-document";
import { saveEnterpriseFileSection } from "./save-enterprise-file-section";

export const enterpriseFileRouter = router({ getEnterpriseFile, saveEnterpriseFileSection, requestEnterpriseFileDocument });
