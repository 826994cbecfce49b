/**
 * Files outside the import graph (docs, manifests, configs, data) are placed by one rule:
 * top-level orientation files first (README, then manifests and build files, in this list's
 * order), then the code in dependency order, then every other file in path order. A reader (or a
 * model) meets what the project is and how it is built before the code, and the rest after it.
 */
const ORIENTATION_FILES = [
  'package.json', 'pnpm-workspace.yaml', 'tsconfig.json', 'jsconfig.json', 'pyproject.toml', 'setup.py', 'setup.cfg',
  'requirements.txt', 'go.work', 'go.mod', 'Cargo.toml', 'pom.xml', 'build.gradle', 'build.gradle.kts',
  'settings.gradle', 'settings.gradle.kts', 'CMakeLists.txt', 'Makefile', 'composer.json', 'Gemfile', 'Dockerfile',
];
const ORIENTATION_RANK = new Map(ORIENTATION_FILES.map((name, i) => [name, i + 1]));
const README = /^readme(\.[a-z0-9]+)?$/i;

/** Rank of a top-level orientation file (0 for the README, smaller is earlier), or null. */
export function orientationRank(path: string): number | null {
  if (path.includes('/')) return null;
  if (README.test(path)) return 0;
  return ORIENTATION_RANK.get(path) ?? null;
}
