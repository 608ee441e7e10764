// Mocha root hook: sets the Pulumi mocks once for the whole run, before any test creates a resource.
import { resetLookups } from "../shared/lookups";
import { installMocks, mockAws } from "../plan/mocks";

export const mochaHooks = {
    async beforeAll(): Promise<void> {
        const mocks = await installMocks();
        // Look-ups through the default provider are shared within a program (shared/lookups.ts); a
        // reset mocked account, before each test or within one, is a new program whose look-ups start afresh.
        const reset = mocks.reset.bind(mocks);
        mocks.reset = (region?: string) => {
            reset(region);
            resetLookups();
        };
    },
    beforeEach(): void {
        mockAws().reset();
    },
};
