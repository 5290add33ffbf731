/**
 * Webpack config of the admin app: `dist/admin/index.html` and one content-hashed script,
 * served by the policy server under /admin/ (src/server/app.ts). TypeScript and TSX go
 * through esbuild-loader; no inline script, so the admin pages' strict CSP holds.
 */
"use strict";
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { reactPageSettings } = require("./react-page");

const root = path.join(__dirname, "..");

module.exports = ({ mode, env = {} }) => {
  const dev = mode === "development";
  const outDir = env.outDir ? path.resolve(String(env.outDir), "admin") : path.join(root, "dist", "admin");
  return {
    name: "admin",
    mode,
    context: root,
    target: ["web", "es2020"],
    devtool: dev ? "source-map" : false,
    entry: { admin: "./src/admin/index.tsx" },
    output: {
      path: outDir,
      // Always hashed: the server sends index.html with no-cache and may cache the script.
      filename: "[name].[contenthash:8].js",
      publicPath: "/admin/",
      clean: true,
    },
    ...reactPageSettings(dev),
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: path.join(root, "src", "admin", "admin.html"),
        chunks: ["admin"],
        scriptLoading: "defer",
      }),
    ],
  };
};
