/**
 * What a scan leaves out unless told otherwise: version-control folders, installed dependencies,
 * caches, lock files, minified or generated bundles, and files that are never text (media,
 * archives, binaries, fonts). These cost many tokens and teach a model nothing about the code.
 */

/** Folder names left out wherever they appear. */
const ALWAYS_EXCLUDED_DIRS = new Set([
  '.git', '.hg', '.svn', '.bzr', '_darcs', '.jj',
  'node_modules', 'bower_components', 'jspm_packages', '.pnpm-store', '.yarn',
  '.venv', 'venv', '__pycache__', '.mypy_cache', '.pytest_cache', '.ruff_cache', '.tox', '.nox',
  '.gradle', 'Pods', 'Carthage', '.dart_tool', '.terraform', '.serverless',
  '.next', '.nuxt', '.svelte-kit', '.turbo', '.parcel-cache', '.angular', '.expo',
  '.idea', '.vs', 'DerivedData',
]);

/**
 * Folder names that hold dependencies only next to a given manifest: `target/` is Cargo's (and
 * Maven's) build output, `vendor/` is Go's or Composer's dependency copy; elsewhere these names
 * may well be ordinary source folders.
 */
const DIRS_EXCLUDED_NEXT_TO: Record<string, readonly string[]> = {
  target: ['Cargo.toml', 'pom.xml'],
  vendor: ['go.mod', 'composer.json', 'Gemfile'],
};

const LOCK_FILES = new Set([
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'bun.lock',
  'Cargo.lock', 'poetry.lock', 'Pipfile.lock', 'uv.lock', 'pdm.lock', 'composer.lock', 'Gemfile.lock',
  'go.sum', 'go.work.sum', 'mix.lock', 'pubspec.lock', 'Podfile.lock', 'packages.lock.json',
  'flake.lock', 'gradle.lockfile', 'Package.resolved', '.DS_Store', 'Thumbs.db', 'desktop.ini',
]);

/** Minified, source-map and bundler output names. */
const GENERATED_FILE = /\.(min\.(js|mjs|cjs|css)|bundle\.(js|mjs)|chunk\.(js|mjs)|(js|css|mjs|cjs)\.map|map|tsbuildinfo|pyc|pyo|class|o|obj|a|lib|so|dylib|dll|exe|wasm)$/i;

/** Extensions of files that are never source text. */
const BINARY_EXTENSIONS = new Set(
  (
    'png jpg jpeg gif bmp tif tiff ico icns webp avif heic psd ai sketch fig xcf raw cr2 nef ' +
    'mp3 wav ogg oga flac aac m4a opus wma mid midi mp4 m4v mov avi mkv webm wmv flv mpg mpeg 3gp ' +
    'zip tar gz tgz bz2 xz zst 7z rar lz lzma cab iso dmg pkg deb rpm apk aab ipa jar war ear whl egg gem nupkg vsix crx xpi ' +
    'bin dat db sqlite sqlite3 mdb accdb parquet avro orc feather arrow npy npz pkl pickle h5 hdf5 onnx pt pth ckpt safetensors tflite ' +
    'woff woff2 ttf otf eot pdf doc docx xls xlsx ppt pptx odt ods odp rtf epub mobi ' +
    'pdb idb ilk exp swf fla blend fbx glb gltf obj3d stl dds tga ktx ktx2 hdr exr'
  ).split(' '),
);

/** True when a folder of this name is left out by default; `siblings` are the names next to it. */
export function isDefaultExcludedDir(name: string, siblings: ReadonlySet<string>): boolean {
  if (ALWAYS_EXCLUDED_DIRS.has(name)) return true;
  const manifests = DIRS_EXCLUDED_NEXT_TO[name];
  return manifests !== undefined && manifests.some((m) => siblings.has(m));
}

/** True when a file of this name is left out by default (lock file, bundle, media, binary). */
export function isDefaultExcludedFile(name: string): boolean {
  if (LOCK_FILES.has(name)) return true;
  if (GENERATED_FILE.test(name)) return true;
  const dot = name.lastIndexOf('.');
  return dot > 0 && BINARY_EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
}
