// Mocha root hook: sets the Pulumi mocks once for the whole run, before any test creates a resource.
import { installMocks, mockAws } from "../plan/mocks";

export const mochaHooks = {
    async beforeAll(): Promise<void> {
        await installMocks();
    },
    beforeEach(): void {
        mockAws().reset();
    },
};
