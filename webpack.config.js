// Bundles the app's own code into dist/: the GUI entry, the CLI, and each worker entry as its own
// file (a worker runs a file, so it cannot live inside another bundle). Runtime dependencies stay
// in node_modules, loaded with require at run time, the way NodeGui apps ship native addons:
// nodegui_core.node, the qode shim and web-ifc's .wasm are found next to their packages.
const path = require('path');
const webpack = require('webpack');
const pkg = require('./package.json');

const externalPackages = new Set([...Object.keys(pkg.dependencies)]);

module.exports = {
  target: 'node20',
  mode: 'production',
  devtool: 'source-map',
  entry: {
    main: './src/ui/main.ts',
    cli: './src/cli/main.ts',
    'cli-extraction-worker': './src/cli/cli-extraction-worker.ts',
    'extraction-worker': './src/ifc/extraction-worker.ts',
    'step-index-worker': './src/ifc/step-index-worker.ts',
    'export-worker': './src/export/export-worker.ts',
    'ids-check-worker': './src/ifc/ids/ids-check-worker.ts',
    'annotated-copy-worker': './src/ifc/annotated-copy-worker.ts',
  },
  output: {
    path: path.resolve(__dirname, 'dist'),
    filename: '[name].js',
    clean: true,
  },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [{ test: /\.ts$/, loader: 'ts-loader', exclude: /node_modules/, options: { transpileOnly: true, configFile: 'tsconfig.json' } }],
  },
  // __dirname stays the real folder of the bundle (dist/), so path.join(__dirname, 'extraction-worker.js')
  // finds the worker beside it, exactly as in tsc's out/ tree.
  node: { __dirname: false, __filename: false },
  externals: [
    ({ request }, callback) => {
      const name = request && (request.startsWith('@') ? request.split('/').slice(0, 2).join('/') : request.split('/')[0]);
      if (name && externalPackages.has(name)) return callback(null, `commonjs ${request}`);
      return callback();
    },
  ],
  optimization: { minimize: false },
  plugins: [new webpack.BannerPlugin({ banner: '#!/usr/bin/env node', raw: true, entryOnly: true, include: /cli\.js$/ })],
  performance: { hints: false },
};
