import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Loads one CommonJS file of the app's bundle, as Node's own loader would, with one difference: the file's
 * free `Date` is the one given (the site clock), whichever bundler made it. Each call evaluates the file
 * afresh, so two hosts in one process never share the app's module-level state, and nothing stays in
 * `require.cache` after a host closes.
 *
 * The file is compiled with this realm's `Function`, not `vm.runInThisContext`: under Jest the test runs in
 * its own realm, and the bundle must see that realm's globals (`__forge_runtime__`, `__forge_fetch__`).
 */
export function loadBundledModule(file: string, date: DateConstructor): Record<string, unknown> {
  const code = fs.readFileSync(file, 'utf8');
  // `sourceURL` names the file in stack traces (two lines above the file's own numbering: the wrapper's).
  const wrapper = new Function(
    'exports',
    'require',
    'module',
    '__filename',
    '__dirname',
    'Date',
    `${code}\n//# sourceURL=${pathToUrl(file)}`,
  ) as (...args: unknown[]) => void;
  const module = new Module(file);
  module.filename = file;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(
    path.dirname(file),
  );
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file), date);
  module.loaded = true;
  return module.exports as Record<string, unknown>;
}

function pathToUrl(file: string): string {
  return `file://${file.split(path.sep).map(encodeURIComponent).join('/')}`;
}
