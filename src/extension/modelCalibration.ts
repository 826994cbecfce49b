/**
 * The token calibration on the extension side: ratios kept per model in `globalState`, one log
 * line per update in the "Tome" output channel, and the sentences that explain the ratio.
 */
import * as vscode from 'vscode';
import { MIN_CALIBRATION_TOKENS, TokenCalibrator, type CalibrationRecord } from '../llm';
import { calibrationChanged, calibrationLine, logLineValues, usableRecord, type CalibrationStrings } from '../chat/calibrationReport';

/** The calibration sentences in the UI language. */
export function calibrationStrings(): CalibrationStrings {
  return {
    heading: vscode.l10n.t('Model calibration'),
    model: vscode.l10n.t('Model'),
    ratioOneAnswer: (ratio) => vscode.l10n.t('{0} provider tokens per Tome token, measured on 1 answer.', ratio),
    ratioAnswers: (ratio, answers) => vscode.l10n.t('{0} provider tokens per Tome token, measured on {1} answers.', ratio, answers),
    smaller: (percent) => vscode.l10n.t('Packs for this model are sized {0} smaller to fit its window.', percent),
    larger: (percent) => vscode.l10n.t('Packs for this model are sized {0} larger to fill its window.', percent),
    unchanged: vscode.l10n.t('Tome counts tokens like this model does, so pack sizes are not changed.'),
    notCalibrated: vscode.l10n.t('Not calibrated yet: the ratio is learned from the first answer.'),
  };
}

/** Per-model calibration for the current model, with a log line and a notice on every update. */
export class ModelCalibration implements vscode.Disposable {
  private readonly calibrator: TokenCalibrator;
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the model's name after its ratio changed. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
    private readonly currentModel: () => string,
  ) {
    this.calibrator = new TokenCalibrator({
      get: (model) => this.read(model),
      set: async (model, record) => {
        await this.state.update(this.key(model), record);
      },
    });
  }

  private key(model: string): string {
    return `tome.calibration.${model}`;
  }

  private read(model: string): CalibrationRecord | undefined {
    return usableRecord(this.state.get<unknown>(this.key(model)));
  }

  /** The current model and its record (undefined before the first usable answer). */
  current(): { model: string; record: CalibrationRecord | undefined } {
    const model = this.currentModel();
    return { model, record: this.read(model) };
  }

  /** The tooltip line for the current model. */
  line(): string {
    const { model, record } = this.current();
    return vscode.l10n.t('Token calibration for {0}: {1}', model, calibrationLine(record, calibrationStrings()));
  }

  /** Tome's tokens that fill `providerTokens` of the current model. */
  budget(providerTokens: number): number {
    return this.calibrator.budget(this.currentModel(), providerTokens);
  }

  /** Folds in one answer: Tome estimated the prompt at `estimated` tokens, the provider billed `billed`. */
  record(estimated: number, billed: number): void {
    const model = this.currentModel();
    const previous = this.read(model);
    const next = this.calibrator.record(model, estimated, billed);
    if (!calibrationChanged({ previous, next })) {
      const values = logLineValues({ model, estimatedTokens: estimated, billedTokens: billed, previous, next });
      this.log.debug(vscode.l10n.t('Token calibration for {0}: answer not used (estimated {1} tokens, billed {2}); prompts under {3} tokens and far-off ratios are left out.', values.model, values.estimated, values.billed, MIN_CALIBRATION_TOKENS.toLocaleString('en-US')));
      return;
    }
    const values = logLineValues({ model, estimatedTokens: estimated, billedTokens: billed, previous, next });
    this.log.info(vscode.l10n.t('Token calibration for {0}: estimated {1} tokens, billed {2}; ratio now {3} (answers measured: {4}).', values.model, values.estimated, values.billed, values.ratio, values.answers));
    this.changed.fire(model);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
