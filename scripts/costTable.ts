// Writes the endpoint cost table (vpcEndpoints/costTable.ts) into README.md between its markers: npm run cost-table.
import * as fs from "fs";
import * as path from "path";
import { withCostTable } from "../vpcEndpoints/costTable";

export const readmePath = path.join(__dirname, "..", "README.md");

if (require.main === module) {
    fs.writeFileSync(readmePath, withCostTable(fs.readFileSync(readmePath, "utf8")));
}
