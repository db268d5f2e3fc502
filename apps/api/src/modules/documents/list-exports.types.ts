import { z } from "zod";
import { exportOutput } from "./get-export.types";

export const listExportsOutput = z.array(exportOutput);
