// package.json `main`: the entry the Node SDK's cmd/run-plugin `require`s when the CLI starts this package as a
// plugin (PulumiPlugin.yaml). Its export is a function without a prototype, so run-plugin calls it rather than
// analysing exported classes; it starts the provider's gRPC server on the engine address run-plugin passes on.
import * as provider from "@pulumi/pulumi/provider";
import { componentProvider } from "./provider";

const start = (): Promise<void> => provider.main(componentProvider(), process.argv.slice(2));

export = start;
