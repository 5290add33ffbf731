/**
 * Webpack configuration: one config per part of the add-in, each in `webpack/`, so that the
 * on-send bundle (one self-contained ES2016 classic script) is built apart from the React
 * pages. `--mode production` rewrites localhost URLs in the manifest to ADDIN_HOST.
 */
const fs = require("fs");
const path = require("path");

const parts = ["launchevent", "taskpane", "admin"];

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode === "development" ? "development" : "production";
  const only = env.only ? String(env.only).split(",") : parts;
  return parts
    .filter((name) => only.includes(name))
    .map((name) => path.join(__dirname, "webpack", `${name}.config.js`))
    .filter((file) => fs.existsSync(file))
    .map((file) => require(file)({ mode, env }));
};
