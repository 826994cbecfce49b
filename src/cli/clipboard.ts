import { spawn } from 'node:child_process';

/** Clipboard programs by platform, tried in order; each reads the text on stdin. */
const TOOLS: Record<string, Array<{ command: string; args: string[] }>> = {
  darwin: [{ command: 'pbcopy', args: [] }],
  win32: [{ command: 'clip', args: [] }],
  linux: [
    { command: 'wl-copy', args: [] },
    { command: 'xclip', args: ['-selection', 'clipboard'] },
    { command: 'xsel', args: ['--clipboard', '--input'] },
  ],
};

function pipeTo(command: string, args: string[], text: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['pipe', 'ignore', 'ignore'], windowsHide: true });
    child.once('error', () => resolve(false));
    child.once('close', (code) => resolve(code === 0));
    child.stdin.once('error', () => undefined);
    child.stdin.end(text);
  });
}

/**
 * Puts `text` on the system clipboard with the first clipboard program that works (pbcopy, clip,
 * wl-copy, xclip, xsel). Resolves to the program's name, or null when none is available.
 */
export async function copyToClipboard(text: string, platform: string = process.platform): Promise<string | null> {
  for (const tool of TOOLS[platform] ?? TOOLS.linux ?? []) {
    if (await pipeTo(tool.command, tool.args, text)) return tool.command;
  }
  return null;
}
