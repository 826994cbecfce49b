// Installs what the end-to-end tests need, once per machine, and skips whatever is already there:
// Debian packages (Chromium, ripgrep, code-server's native build deps) and code-server itself in a
// cache folder outside the repository (~/.cache/tome-e2e by default, TOME_E2E_CACHE to move it).
// Non-interactive: runs as root (or through sudo) with no stdin.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

/** The newest code-server release that still accepts Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';
/** The ripgrep archive name code-server's postinstall looks for in its download cache. */
const RIPGREP_CACHE = { dir: 'vscode-ripgrep-cache-1.15.11', file: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz' };
const APT_PACKAGES = ['libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'pkg-config', 'ripgrep', 'chromium'];

/** Where code-server lives between runs. */
export function cacheDir() {
  return process.env.TOME_E2E_CACHE ?? join(homedir(), '.cache', 'tome-e2e');
}

/** Path of the code-server launcher inside the cache folder. */
export function codeServerBin() {
  return join(cacheDir(), 'node_modules', '.bin', 'code-server');
}

/**
 * Environment for every code-server process: its config and data folders live under the cache
 * folder, so nothing in the user's home is written (its first run writes a default config there).
 */
export function codeServerEnv() {
  const dir = cacheDir();
  return {
    XDG_CONFIG_HOME: join(dir, 'xdg-config'),
    XDG_DATA_HOME: join(dir, 'xdg-data'),
    CODE_SERVER_CONFIG: join(dir, 'xdg-config', 'code-server', 'config.yaml'),
  };
}

/**
 * The version code-server printed for `--version`, or undefined. The version line is looked for
 * among all lines, since a first run logs "Wrote default config file …" before it.
 */
export function parseCodeServerVersion(output) {
  for (const line of output.split(/\r?\n/)) {
    const match = /^(\d+\.\d+\.\d+)\s+[0-9a-f]{7,40}\b/.exec(line.trim());
    if (match) return match[1];
  }
  return undefined;
}

/** Path of the Chromium binary Playwright drives. */
export const CHROMIUM = process.env.TOME_E2E_CHROMIUM ?? '/usr/bin/chromium';

function log(message) {
  process.stdout.write(`[e2e setup] ${message}\n`);
}

function missingPackages() {
  return APT_PACKAGES.filter((name) => {
    const probe = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return probe.status !== 0 || !probe.stdout.includes('install ok installed');
  });
}

function apt(args) {
  const asRoot = process.getuid?.() === 0;
  const command = asRoot ? 'apt-get' : 'sudo';
  const fullArgs = asRoot ? args : ['-n', 'apt-get', ...args];
  execFileSync(command, fullArgs, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function installAptPackages() {
  const missing = missingPackages();
  if (missing.length === 0) {
    log('Debian packages present');
    return;
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  try {
    apt(['update', '-q']);
    apt(['install', '-y', '-q', '--no-install-recommends', ...missing]);
  } catch {
    throw new Error(`Could not install ${missing.join(', ')}. Run as root (or with password-less sudo), or install them with apt-get yourself and try again.`);
  }
}

/** code-server's postinstall downloads ripgrep from GitHub; give it a cached archive of Debian's rg instead. */
function seedRipgrepCache() {
  const dir = join(tmpdir(), RIPGREP_CACHE.dir);
  const archive = join(dir, RIPGREP_CACHE.file);
  if (existsSync(archive)) return;
  mkdirSync(dir, { recursive: true });
  const staging = mkdtempSync(join(tmpdir(), 'tome-rg-'));
  try {
    copyFileSync('/usr/bin/rg', join(staging, 'rg'));
    execFileSync('tar', ['czf', archive, '-C', staging, 'rg']);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Written only after a complete install, so a half-finished one is redone rather than trusted. */
function installedMarker() {
  return join(cacheDir(), `.installed-code-server-${CODE_SERVER_VERSION}`);
}

function installCodeServer() {
  if (existsSync(installedMarker()) && existsSync(codeServerBin())) {
    log(`code-server ${CODE_SERVER_VERSION} present in ${cacheDir()}`);
    return;
  }
  seedRipgrepCache();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${cacheDir()} (a few minutes, once)`);
  rmSync(cacheDir(), { recursive: true, force: true });
  mkdirSync(cacheDir(), { recursive: true });
  // npm 11 skips dependency install scripts unless the project allows them; code-server's
  // postinstall and argon2's native build are what make it runnable.
  const manifest = { name: 'tome-e2e-cache', private: true, allowScripts: { 'code-server': true, argon2: true } };
  writeFileSync(join(cacheDir(), 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', cacheDir(), `code-server@${CODE_SERVER_VERSION}`], {
    stdio: 'inherit',
    env: { ...process.env, npm_config_yes: 'true', npm_config_unsafe_perm: 'true' },
  });
  const probe = spawnSync(codeServerBin(), ['--version'], { encoding: 'utf8', env: { ...process.env, ...codeServerEnv() } });
  if (probe.status !== 0 || parseCodeServerVersion(probe.stdout) !== CODE_SERVER_VERSION) {
    throw new Error(`code-server did not install into ${cacheDir()} (${probe.stderr || probe.stdout}). Delete that folder and run the setup again.`);
  }
  writeFileSync(installedMarker(), `${new Date().toISOString()}\n`);
}

/** Installs everything missing; safe to run again and again. */
export function setUpE2eMachine() {
  installAptPackages();
  installCodeServer();
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium was not found at ${CHROMIUM}. Install the Debian package "chromium".`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    setUpE2eMachine();
    log('ready');
  } catch (error) {
    process.stderr.write(`[e2e setup] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
