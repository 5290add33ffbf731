/**
 * Webpack config of the admin app: `dist/admin/index.html` and one content-hashed script,
 * served by the policy server under /admin/ (src/server/app.ts). TypeScript and TSX go
 * through esbuild-loader; no inline script, so the admin pages' strict CSP holds.
 */
"use strict";
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { EsbuildPlugin } = require("esbuild-loader");

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
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "esbuild-loader",
          options: { target: "es2020", jsx: "automatic", tsconfig: path.join(root, "tsconfig.json") },
        },
      ],
    },
    optimization: {
      splitChunks: false,
      runtimeChunk: false,
      minimize: !dev,
      minimizer: [new EsbuildPlugin({ target: "es2020", legalComments: "none" })],
    },
    performance: { hints: false },
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
