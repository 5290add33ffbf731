/**
 * How webpack/launchevent.config.js keeps launchevent.js small without changing what it does,
 * checked on the built bundle: no `const` (webpack/const-to-let.js), and the JSON data's keys
 * that the code reads by name renamed by webpack to the shortest names (mangleExports "size").
 */
import { useBuiltLaunchEvent } from "./bundle-harness";

describe("dist/launchevent.js", () => {
  const built = useBuiltLaunchEvent("eg-bundle-bytes-");

  it("declares nothing with const", () => {
    expect(built.code().length).toBeGreaterThan(100_000);
    expect(built.code()).not.toMatch(/(^|[^\w$.])const[\s{[]/);
    expect(built.code()).toMatch(/(^|[^\w$.])let[\s{[]/);
  });

  it("has the model's weights under a one-letter key (webpack's shortest export names), with their heads as in weights.json", () => {
    // weights.json's "heads" (the only key the model reads) is written "a", not a two-character hash.
    expect(built.code()).toMatch(/JSON\.parse\('\{"a":\{"chain":\{"bias":/);
  });
});
