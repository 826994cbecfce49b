/**
 * Packing for the extension: one WorkerPackEngine (a worker thread, so the extension host never
 * blocks) shared by the commands, the chat and the status bar; long packs show a cancellable
 * progress notification.
 */
import * as vscode from 'vscode';
import {
  ConfigError,
  withProjectConfig,
  GitError,
  PackError,
  WorkerPackEngine,
  isAbortError,
  type PackOptions,
  type PackResult,
  type PackRequest,
  type PackStage,
  type ContextCounts,
  rootsWithPrefixes,
} from '../core';
import { cacheWriteFailureText, configProblemText, gitProblemText, packProblemText } from './problemText';
import { applySteering, EMPTY_STEERING, type Steering } from '../chat/contextSteering';
import { absolutePathOf } from '../chat/packScope';

/** Packs are shown as a notification only when they take longer than this. */
const PROGRESS_DELAY_MS = 400;

/** Packs off the extension host's thread. */
export class PackService implements vscode.Disposable {
  private readonly engine: WorkerPackEngine;
  /** The Context view's pins and exclusions, laid over every pack (chat, palette, status bar). */
  private steering: () => Steering = () => EMPTY_STEERING;

  constructor(context: vscode.ExtensionContext) {
    const cacheDir = context.globalStorageUri.scheme === 'file' ? vscode.Uri.joinPath(context.globalStorageUri, 'cache').fsPath : null;
    this.engine = new WorkerPackEngine({
      workerScript: vscode.Uri.joinPath(context.extensionUri, 'dist', 'packWorker.js').fsPath,
      cacheDir,
      onCacheWriteFailure: (failure) => void vscode.window.showWarningMessage(cacheWriteFailureText(failure)),
    });
  }

  /**
   * A pack with no UI (chat, status bar), with the project's tome.config.json applied. A broken
   * config or a git problem rejects with an Error worded for the user; nothing is packed then.
   */
  async pack(request: PackRequest, options: PackOptions = {}): Promise<PackResult> {
    return this.worded(async () => this.engine.pack(await this.prepared(request), options));
  }

  /**
   * The Context view's count of `request` (steered and configured like {@link pack}): the folder
   * index of the next pack with each file's size in full, built in the worker. Fails like {@link pack}.
   */
  async count(request: PackRequest, options: PackOptions = {}): Promise<ContextCounts> {
    return this.worded(async () => this.engine.count(await this.prepared(request), options));
  }

  /** The request with the Context view's steering and the project's tome.config.json laid over it. */
  private async prepared(request: PackRequest): Promise<PackRequest> {
    return withProjectConfig(applySteering(request, this.steering(), (path) => absolutePathOf(path, rootsWithPrefixes(request.roots))));
  }

  /** Runs `work`, turning a config or git problem into an Error worded for the user. */
  private async worded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ConfigError) throw new Error(error.problems.map(configProblemText).join('\n'), { cause: error });
      if (error instanceof GitError) throw new Error(gitProblemText(error.problem), { cause: error });
      if (error instanceof PackError) throw new Error(packProblemText(error.problem), { cause: error });
      throw error;
    }
  }

  /** Where packs read the current pins and exclusions from (the Context view's store). */
  steerWith(steering: () => Steering): void {
    this.steering = steering;
  }

  /** The pins and exclusions every pack is steered by now. */
  currentSteering(): Steering {
    return this.steering();
  }

  /**
   * A pack behind a cancellable progress notification. Resolves to undefined when the user
   * cancels (an answer, not an error); shows other failures as an error message.
   */
  async withProgress(title: string, run: (options: PackOptions) => Promise<PackResult>): Promise<PackResult | undefined> {
    const controller = new AbortController();
    let settled = false;
    let report: ((stage: PackStage, done: number, total: number) => void) | undefined;
    const work = run({ signal: controller.signal, onProgress: (e) => report?.(e.stage, e.done, e.total) });
    const timer = setTimeout(() => {
      if (settled) return;
      void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
        token.onCancellationRequested(() => controller.abort());
        report = (stage, done, total) => progress.report({ message: vscode.l10n.t('{0}: {1} of {2}', stage, done, total) });
        return work.catch(() => undefined);
      });
    }, PROGRESS_DELAY_MS);
    try {
      return await work;
    } catch (error) {
      if (isAbortError(error) || controller.signal.aborted) return undefined;
      const detail = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(vscode.l10n.t('Tome could not pack the workspace: {0}', detail));
      return undefined;
    } finally {
      settled = true;
      clearTimeout(timer);
    }
  }

  dispose(): void {
    void this.engine.dispose();
  }
}
