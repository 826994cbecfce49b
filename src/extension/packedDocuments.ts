/**
 * Packed output shown in an editor as a read-only document of its own scheme (`tome-pack:`):
 * nothing to save, so closing it never asks; "Save As…" in its title writes it to a file. The
 * text is held only while the document is open.
 */
import * as vscode from 'vscode';

/** The URI scheme of packed documents (a `when` clause in package.json names it too). */
export const PACKED_SCHEME = 'tome-pack';

/** Serves packed documents and saves them on request. */
export class PackedDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private next = 1;
  private readonly disposables: vscode.Disposable[];

  constructor() {
    this.disposables = [
      vscode.workspace.registerTextDocumentContentProvider(PACKED_SCHEME, this),
      vscode.workspace.onDidCloseTextDocument((doc) => doc.uri.scheme === PACKED_SCHEME && this.texts.delete(doc.uri.toString())),
      vscode.commands.registerCommand('tome.savePackedAs', (uri?: vscode.Uri) => this.saveAs(uri)),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Opens `text` in a new read-only editor titled `name` (e.g. `tome-pack.xml`). */
  async open(text: string, name: string, language: string): Promise<void> {
    const dot = name.lastIndexOf('.');
    const numbered = dot > 0 ? `${name.slice(0, dot)}-${this.next}${name.slice(dot)}` : `${name}-${this.next}`;
    this.next += 1;
    const uri = vscode.Uri.from({ scheme: PACKED_SCHEME, path: `/${numbered}` });
    this.texts.set(uri.toString(), text);
    const doc = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), language);
    await vscode.window.showTextDocument(doc, { preview: false });
  }

  /** Writes a packed document to a file the user picks. */
  private async saveAs(uri: vscode.Uri | undefined): Promise<void> {
    const target = uri?.scheme === PACKED_SCHEME ? uri : vscode.window.activeTextEditor?.document.uri;
    const text = target && this.texts.get(target.toString());
    if (!target || text === undefined) return;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = target.path.slice(1);
    const destination = await vscode.window.showSaveDialog({ ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}), title: vscode.l10n.t('Save the packed output') });
    if (!destination) return;
    try {
      await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(text));
      void vscode.window.showInformationMessage(vscode.l10n.t('Saved the packed output to {0}.', destination.fsPath));
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Tome could not write {0}: {1}. Choose another place.', destination.fsPath, error instanceof Error ? error.message : String(error)));
    }
  }

  dispose(): void {
    this.texts.clear();
    for (const d of this.disposables) d.dispose();
  }
}
