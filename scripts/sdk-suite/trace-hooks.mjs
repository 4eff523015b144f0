// Mocha root hooks (`mocha --require`), loaded only with `run-node-suite.ts --trace`: they tell
// cos-hosts-preload.mjs which test is running, so each traced COS request names its test.
export const mochaHooks = {
  beforeEach() {
    globalThis.__cosSuiteCurrentTest = this.currentTest?.fullTitle() ?? '';
  },
};
